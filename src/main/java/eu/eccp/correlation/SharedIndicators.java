package eu.eccp.correlation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/**
 * What may leave the platform under a sharing agreement, as correlation knows it: the indicators carried by records
 * of the sharing organisations, marked no more restrictively than the agreement allows, with a summary of those
 * records only (first and last seen, how many, which countries), never the records themselves. Values on a warning
 * list (benign) are left out; TLP:AMBER+STRICT and TLP:RED records are never counted, whatever the ceiling says.
 */
public interface SharedIndicators {

	/** Who shares what: the owners whose records count, the most permissive marking allowed, the indicator types. */
	record Scope(Set<OrganisationId> owners, Tlp ceiling, Set<String> types) {

		public Scope {
			owners = Set.copyOf(owners);
			types = Set.copyOf(types);
		}
	}

	/**
	 * One shareable indicator with the summary of the records in scope that carry it.
	 *
	 * @param marking the most restrictive marking among those records (so the object carries the strictest one)
	 */
	record Summary(long indicatorId, String type, String value, Instant firstSeen, Instant lastSeen, int records,
			List<String> countries, Tlp marking) {

		public Summary {
			countries = List.copyOf(countries);
		}
	}

	/** An indicator's type and canonical value. */
	record Value(String type, String value) {
	}

	/**
	 * A point in correlation's history of changes: every ingest that ended before it is seen by a read that starts
	 * after it was taken (it is the oldest transaction still running then).
	 */
	record ChangeHorizon(long transaction) {
	}

	/**
	 * The indicators that gained sightings since a horizon (in id order, each once) and the horizon to ask from
	 * next time. An indicator may be reported again the next time (its ingest ran while this was read); comparing
	 * it again changes nothing.
	 */
	record Changes(List<Long> indicatorIds, ChangeHorizon next) {

		public Changes {
			indicatorIds = List.copyOf(indicatorIds);
		}
	}

	/** How long correlation keeps its history of changes: a reader whose horizon is older walks every indicator. */
	java.time.Duration CHANGES_KEPT = java.time.Duration.ofDays(1);

	/** The horizon now: take it before walking every indicator, then ask for the changes since it next time. */
	ChangeHorizon horizon();

	/** The indicators that gained sightings in ingests at or after {@code since} (kept for {@link #CHANGES_KEPT}). */
	Changes changedSince(ChangeHorizon since);

	/** The shareable indicators of the scope with an id above {@code afterId}, in id order, at most {@code limit}. */
	List<Summary> page(Scope scope, long afterId, int limit);

	/** The shareable indicators of the scope among {@code indicatorIds}, in id order. */
	List<Summary> summaries(Scope scope, Collection<Long> indicatorIds);

	/** Type and value of indicators by id (unknown ids are left out). */
	Map<Long, Value> values(Collection<Long> indicatorIds);
}
