package eu.eccp.sharing.internal;

import org.jspecify.annotations.Nullable;

/**
 * The FIRST Information Exchange Policy 2.0 statements an agreement sets for its recipients, plus two ECCP adds:
 * whether recipients may share on ({@code resharing}) and how long they may keep what they received
 * ({@code retentionDays}, none: no limit set by the agreement). The agreement's TLP ceiling is IEP's {@code tlp}.
 */
public record Iep(EncryptInTransit encryptInTransit, PermittedActions permittedActions,
		Permission affectedPartyNotifications, Attribution attribution, Permission unmodifiedResale, Permission resharing,
		@Nullable Integer retentionDays) {

	/** IEP {@code encrypt_in_transit}. */
	public enum EncryptInTransit {
		MUST, MAY
	}

	/** IEP {@code permitted_actions}. */
	public enum PermittedActions {
		NONE, CONTACT_FOR_INSTRUCTION, INTERNALLY_VISIBLE_ACTIONS, EXTERNALLY_VISIBLE_INDIRECT_ACTIONS,
		EXTERNALLY_VISIBLE_DIRECT_ACTIONS
	}

	/** IEP {@code affected_party_notifications}, {@code unmodified_resale}; ECCP's re-sharing. */
	public enum Permission {
		MAY, MUST_NOT
	}

	/** IEP {@code attribution}: whether recipients must, may or must not name the provider when passing it on. */
	public enum Attribution {
		MAY, MUST, MUST_NOT
	}

	/** The policy in words (IEP's own enumeration spelling), for markings and feeds. */
	public String statement() {
		return "IEP 2.0: ENCRYPT_IN_TRANSIT=" + encryptInTransit + ", PERMITTED_ACTIONS=" + permittedActions
				+ ", AFFECTED_PARTY_NOTIFICATIONS=" + affectedPartyNotifications + ", ATTRIBUTION=" + attribution
				+ ", UNMODIFIED_RESALE=" + unmodifiedResale + "; ECCP: RESHARING=" + resharing + ", RETENTION="
				+ (retentionDays == null ? "NOT_SET" : retentionDays + "_DAYS");
	}
}
