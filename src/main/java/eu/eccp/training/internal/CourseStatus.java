package eu.eccp.training.internal;

import eu.eccp.shared.Labelled;

/** A draft is seen by its organiser only; a published course by everyone signed in. */
@Labelled("training.status")
public enum CourseStatus {
	DRAFT,
	PUBLISHED,
	CANCELLED
}
