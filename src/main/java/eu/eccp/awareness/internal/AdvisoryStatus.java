package eu.eccp.awareness.internal;

import eu.eccp.shared.Labelled;

/**
 * Where an advisory stands. A published advisory that is being changed goes back to {@link #DRAFT} and
 * {@link #IN_REVIEW} while its approved public edition stays online; the next approval makes it
 * {@link #UPDATED}.
 */
@Labelled("advisorystatus")
public enum AdvisoryStatus {
	DRAFT, IN_REVIEW, PUBLISHED, UPDATED, WITHDRAWN
}
