package eu.eccp.training.internal;

import eu.eccp.shared.Labelled;

/** How urgent a training need is for the national unit. */
@Labelled("training.priority")
public enum Priority {
	HIGH,
	MEDIUM,
	LOW
}
