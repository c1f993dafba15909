package eu.eccp.reporting;

/** The three kinds of cyber crime of the EU's policy on the fight against cyber crime. */
@eu.eccp.shared.Labelled("kind")
public enum CrimeKind {
	/** Traditional crime committed over electronic networks: fraud, phishing, identity theft, illegal trade. */
	CRIME_OVER_NETWORKS,
	/** Publication of illegal content: child sexual abuse material, incitement to terrorism, racism. */
	ILLEGAL_CONTENT,
	/** Attacks against information systems: hacking, malware, denial of service, botnets. */
	ATTACK_ON_INFORMATION_SYSTEMS
}
