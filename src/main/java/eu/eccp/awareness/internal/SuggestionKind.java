package eu.eccp.awareness.internal;

import eu.eccp.shared.Labelled;

/** Why the data suggest an advisory. */
@Labelled("suggestionkind")
public enum SuggestionKind {
	/** A cluster of linked records gaining reports from several countries within the window. */
	CROSS_BORDER_CLUSTER,
	/** An offence's last week far above its weekly baseline. */
	OFFENCE_SURGE
}
