package eu.eccp.training.internal;

import eu.eccp.shared.Labelled;

@Labelled("training.format")
public enum CourseFormat {
	RESIDENTIAL,
	ONLINE,
	BLENDED
}
