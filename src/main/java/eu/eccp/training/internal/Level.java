package eu.eccp.training.internal;

import eu.eccp.shared.Labelled;

/** The depth at which a course serves a role, in the framework's order. */
@Labelled("training.level")
public enum Level {
	AWARENESS,
	PRACTITIONER,
	ADVANCED,
	EXPERT
}
