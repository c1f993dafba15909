package eu.eccp.reporting;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The offence types a report is classified into: the one place where each maps to its kind of cyber crime,
 * the articles of the Council of Europe Budapest Convention on Cybercrime (ETS 185) or its Additional
 * Protocol on racist and xenophobic material (ETS 189), and the ENISA Reference Security Incident Taxonomy
 * (RSIT) class and type. Offences that the Convention does not define (e.g. illegal online trade) have no
 * article: they are offences under national law committed online. The UI shows and the API returns this
 * mapping ({@code GET /api/v1/public/taxonomy}).
 */
public enum Offence {

	FRAUD_SHOPPING(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 8"), "Fraud", "Masquerade"),
	FRAUD_INVESTMENT(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 8"), "Fraud", "Masquerade"),
	FRAUD_ROMANCE(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 8"), "Information Gathering", "Social Engineering"),
	FRAUD_CEO_BEC(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 7", "ETS 185 Art. 8"), "Fraud", "Masquerade"),
	FRAUD_ADVANCE_FEE(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 8"), "Fraud", "Masquerade"),
	PHISHING(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 7", "ETS 185 Art. 8"), "Fraud", "Phishing"),
	IDENTITY_THEFT(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 7", "ETS 185 Art. 8"), "Fraud", "Masquerade"),
	FORGERY(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 7"), "Information Content Security",
			"Unauthorised modification of information"),
	ILLEGAL_TRADE_DRUGS(CrimeKind.CRIME_OVER_NETWORKS, List.of(), "Other", "Other"),
	ILLEGAL_TRADE_ARMS(CrimeKind.CRIME_OVER_NETWORKS, List.of(), "Other", "Other"),
	ILLEGAL_TRADE_WILDLIFE(CrimeKind.CRIME_OVER_NETWORKS, List.of(), "Other", "Other"),
	COPYRIGHT_INFRINGEMENT(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 10"), "Fraud", "Copyright"),

	CHILD_SEXUAL_ABUSE_MATERIAL(CrimeKind.ILLEGAL_CONTENT, List.of("ETS 185 Art. 9"), "Abusive Content",
			"(Child) Sexual Exploitation/Sexual Harassment/Violence"),
	TERRORIST_CONTENT(CrimeKind.ILLEGAL_CONTENT, List.of(), "Abusive Content", "Harmful Speech"),
	RACISM_XENOPHOBIA(CrimeKind.ILLEGAL_CONTENT,
			List.of("ETS 189 Art. 3", "ETS 189 Art. 4", "ETS 189 Art. 5", "ETS 189 Art. 6"), "Abusive Content",
			"Harmful Speech"),
	GLORIFICATION_OF_VIOLENCE(CrimeKind.ILLEGAL_CONTENT, List.of(), "Abusive Content",
			"(Child) Sexual Exploitation/Sexual Harassment/Violence"),
	/** Other content illegal under national law (handled by hotlines like the rest of illegal content). */
	OTHER_ILLEGAL_CONTENT(CrimeKind.ILLEGAL_CONTENT, List.of(), "Abusive Content", "Harmful Speech"),

	ILLEGAL_ACCESS(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 2"), "Intrusions",
			"Unprivileged Account Compromise"),
	ILLEGAL_INTERCEPTION(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 3"), "Information Gathering",
			"Sniffing"),
	MALWARE_RANSOMWARE(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS,
			List.of("ETS 185 Art. 4", "ETS 185 Art. 5", "ETS 185 Art. 6"), "Malicious Code", "Infected System"),
	DENIAL_OF_SERVICE(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 5"), "Availability",
			"DDoS"),
	BOTNET(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 2", "ETS 185 Art. 5", "ETS 185 Art. 6"),
			"Malicious Code", "C2 Server"),
	DATA_INTERFERENCE(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 4"),
			"Information Content Security", "Unauthorised modification of information"),
	SYSTEM_INTERFERENCE(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 5"), "Availability",
			"Sabotage"),

	/** The reporter could not tell; an analyst classifies it. */
	UNDETERMINED(CrimeKind.CRIME_OVER_NETWORKS, List.of(), "Other", "Undetermined");

	private final CrimeKind kind;
	private final List<String> conventionArticles;
	private final String rsitClass;
	private final String rsitType;

	Offence(CrimeKind kind, List<String> conventionArticles, String rsitClass, String rsitType) {
		this.kind = kind;
		this.conventionArticles = conventionArticles;
		this.rsitClass = rsitClass;
		this.rsitType = rsitType;
	}

	public CrimeKind kind() {
		return kind;
	}

	/** Budapest Convention (ETS 185) or Additional Protocol (ETS 189) articles; empty where neither applies. */
	public List<String> conventionArticles() {
		return conventionArticles;
	}

	public String rsitClass() {
		return rsitClass;
	}

	public String rsitType() {
		return rsitType;
	}

	/** Child sexual abuse material: the public form never accepts files for it. */
	public boolean forbidsAttachments() {
		return this == CHILD_SEXUAL_ABUSE_MATERIAL;
	}

	/**
	 * Illegal content (CSAM, terrorist content, racist and xenophobic hate, other illegal content): given as web
	 * addresses, routed to a hotline, and handed to the takedown module as items.
	 */
	public boolean isIllegalContent() {
		return kind == CrimeKind.ILLEGAL_CONTENT;
	}

	public static @Nullable Offence parse(@Nullable String name) {
		if (name == null) {
			return null;
		}
		try {
			return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
