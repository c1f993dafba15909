package eu.eccp.training.internal;

import eu.eccp.shared.Labelled;

/** The roles of the Europol Cybercrime Training Competency Framework (law enforcement and judiciary). */
@Labelled("training.role")
public enum CompetencyRole {
	HEAD_OF_UNIT,
	FIRST_RESPONDER,
	GENERAL_INVESTIGATOR,
	CYBERCRIME_INVESTIGATOR,
	ONLINE_INVESTIGATOR,
	DIGITAL_FORENSICS_EXAMINER,
	MOBILE_FORENSICS_EXAMINER,
	CRYPTOCURRENCY_INVESTIGATOR,
	MALWARE_ANALYST,
	CYBER_INTELLIGENCE_OFFICER,
	PROSECUTOR,
	JUDGE
}
