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

	/** The shareable indicators of the scope with an id above {@code afterId}, in id order, at most {@code limit}. */
	List<Summary> page(Scope scope, long afterId, int limit);

	/** Type and value of indicators by id (unknown ids are left out). */
	Map<Long, Value> values(Collection<Long> indicatorIds);
}
