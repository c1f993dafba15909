package eu.eccp.training.internal;

import eu.eccp.shared.Labelled;

/** Who a course is for. */
@Labelled("training.audience")
public enum Audience {
	LAW_ENFORCEMENT,
	JUDICIAL
}
