package eu.eccp.shared;

/** What a person may do on the platform. A user holds one or more roles within their organisation. */
public enum Role {
	ANALYST,
	CONTACT_POINT_OFFICER,
	HOTLINE_ANALYST,
	PARTNER,
	COORDINATOR,
	STATISTICIAN,
	TRAINER,
	/** Auditor / data-protection officer: reads the audit trail. */
	AUDITOR,
	ADMIN,
	/** Owns the EU block list: approves (four-eyes) and withdraws entries, answers review requests. */
	BLOCKLIST_OFFICER;

	/** The Spring Security authority for this role, e.g. {@code ROLE_ANALYST}. */
	public String authority() {
		return "ROLE_" + name();
	}
}
