package eu.eccp.contactpoints;

/** What an urgent request asks for. */
@eu.eccp.shared.Labelled("requestkind")
public enum RequestKind {
	/** Expedited preservation of stored computer data (Budapest Convention, Art. 29). */
	PRESERVATION,
	/** Expedited disclosure of preserved traffic data (Art. 30). */
	DISCLOSURE,
	/** Emergency disclosure where a life is at risk. */
	EMERGENCY,
	/** A mutual-assistance request tracked here while the formal channel runs. */
	MUTUAL_ASSISTANCE;

	/** Emergencies are always urgent, whatever the sender chose. */
	public boolean alwaysUrgent() {
		return this == EMERGENCY;
	}
}
