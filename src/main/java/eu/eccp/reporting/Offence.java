package eu.eccp.reporting;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The offence types a report is classified into: the one place where each maps to its kind of cyber crime,
 * the articles of the Council of Europe Budapest Convention on Cybercrime (ETS 185) or its Additional
 * Protocol on racist and xenophobic material (ETS 189), and the ENISA Reference Security Incident Taxonomy
 * (RSIT) class and type, and the UNODC ICCS code with its cyber-related tag. Offences that the Convention does not define (e.g. illegal online trade) have no
 * article: they are offences under national law committed online. The UI shows and the API returns this
 * mapping ({@code GET /api/v1/public/taxonomy}).
 */
@eu.eccp.shared.Labelled(value = "offence", suffix = "name")
public enum Offence {

	FRAUD_SHOPPING(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 8"), "Fraud", "Masquerade", "07011", true),
	FRAUD_INVESTMENT(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 8"), "Fraud", "Masquerade", "07011", true),
	FRAUD_ROMANCE(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 8"), "Information Gathering", "Social Engineering", "07011", true),
	FRAUD_CEO_BEC(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 7", "ETS 185 Art. 8"), "Fraud", "Masquerade", "07011", true),
	FRAUD_ADVANCE_FEE(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 8"), "Fraud", "Masquerade", "07011", true),
	PHISHING(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 7", "ETS 185 Art. 8"), "Fraud", "Phishing", "0701", true),
	IDENTITY_THEFT(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 7", "ETS 185 Art. 8"), "Fraud", "Masquerade", "07019", true),
	FORGERY(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 7"), "Information Content Security",
			"Unauthorised modification of information", "0702", true),
	ILLEGAL_TRADE_DRUGS(CrimeKind.CRIME_OVER_NETWORKS, List.of(), "Other", "Other", "06012", true),
	ILLEGAL_TRADE_ARMS(CrimeKind.CRIME_OVER_NETWORKS, List.of(), "Other", "Other", "09012", true),
	ILLEGAL_TRADE_WILDLIFE(CrimeKind.CRIME_OVER_NETWORKS, List.of(), "Other", "Other", "1003", true),
	COPYRIGHT_INFRINGEMENT(CrimeKind.CRIME_OVER_NETWORKS, List.of("ETS 185 Art. 10"), "Fraud", "Copyright", "0503", true),

	CHILD_SEXUAL_ABUSE_MATERIAL(CrimeKind.ILLEGAL_CONTENT, List.of("ETS 185 Art. 9"), "Abusive Content",
			"(Child) Sexual Exploitation/Sexual Harassment/Violence", "030221", true),
	TERRORIST_CONTENT(CrimeKind.ILLEGAL_CONTENT, List.of(), "Abusive Content", "Harmful Speech", "09069", true),
	// ICCS 0803, acts related to freedom of expression or control of expression: racist and xenophobic material is
	// 08032 (expressions of controlled social beliefs and norms), glorified violence 08039 (other such acts); 0802 is
	// public order sexual standards, 0801 public order behavioural standards
	RACISM_XENOPHOBIA(CrimeKind.ILLEGAL_CONTENT,
			List.of("ETS 189 Art. 3", "ETS 189 Art. 4", "ETS 189 Art. 5", "ETS 189 Art. 6"), "Abusive Content",
			"Harmful Speech", "08032", true),
	GLORIFICATION_OF_VIOLENCE(CrimeKind.ILLEGAL_CONTENT, List.of(), "Abusive Content",
			"(Child) Sexual Exploitation/Sexual Harassment/Violence", "08039", true),
	/** Other content illegal under national law (handled by hotlines like the rest of illegal content). */
	OTHER_ILLEGAL_CONTENT(CrimeKind.ILLEGAL_CONTENT, List.of(), "Abusive Content", "Harmful Speech", "0809", true),

	ILLEGAL_ACCESS(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 2"), "Intrusions",
			"Unprivileged Account Compromise", "09031", true),
	ILLEGAL_INTERCEPTION(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 3"), "Information Gathering",
			"Sniffing", "09033", true),
	MALWARE_RANSOMWARE(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS,
			List.of("ETS 185 Art. 4", "ETS 185 Art. 5", "ETS 185 Art. 6"), "Malicious Code", "Infected System", "09032", true),
	DENIAL_OF_SERVICE(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 5"), "Availability",
			"DDoS", "090321", true),
	BOTNET(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 2", "ETS 185 Art. 5", "ETS 185 Art. 6"),
			"Malicious Code", "C2 Server", "09032", true),
	DATA_INTERFERENCE(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 4"),
			"Information Content Security", "Unauthorised modification of information", "090322", true),
	SYSTEM_INTERFERENCE(CrimeKind.ATTACK_ON_INFORMATION_SYSTEMS, List.of("ETS 185 Art. 5"), "Availability",
			"Sabotage", "090321", true),

	/** The reporter could not tell; an analyst classifies it. */
	UNDETERMINED(CrimeKind.CRIME_OVER_NETWORKS, List.of(), "Other", "Undetermined", "11", true);

	private final CrimeKind kind;
	private final List<String> conventionArticles;
	private final String rsitClass;
	private final String rsitType;
	private final String iccsCode;
	private final boolean cyberRelated;

	Offence(CrimeKind kind, List<String> conventionArticles, String rsitClass, String rsitType, String iccsCode,
			boolean cyberRelated) {
		this.kind = kind;
		this.iccsCode = iccsCode;
		this.cyberRelated = cyberRelated;
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

	/**
	 * The UNODC International Classification of Crime for Statistical Purposes (ICCS 1.0, 2015) code, at the most
	 * precise level the offence type determines (e.g. {@code 09031} unlawful access to a computer system,
	 * {@code 030221} child pornography, {@code 07011} financial fraud); {@code 11} (other criminal acts not
	 * elsewhere classified) while undetermined. Statistics count by it so that figures compare with national
	 * police-recorded figures coded the same way.
	 */
	public String iccsCode() {
		return iccsCode;
	}

	/**
	 * The ICCS "cyber-related" disaggregation tag: the act was committed with or against computer data or systems.
	 * Every offence reported to the platform is committed online, so it is set for all; it is kept per type so a
	 * type recorded offline later can say otherwise.
	 */
	public boolean cyberRelated() {
		return cyberRelated;
	}

	/** The first two digits of the ICCS code: the ICCS section (e.g. {@code 07} fraud, {@code 09} computer systems). */
	public String iccsSection() {
		return iccsCode.substring(0, 2);
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
