package eu.eccp.correlation;

import java.time.Instant;
import java.util.List;

import eu.eccp.shared.CountryCode;

/**
 * Aggregate facts about clusters of linked records, for modules that must never see the records themselves
 * (public awareness): how many records, from which countries, since when, and the indicator values every
 * record carrying them marked TLP:CLEAR. TLP:RED records are never counted; values that identify a person
 * (e-mail addresses, phone numbers, IBANs, payment cards) and warning-listed values are never given, whatever
 * their marking.
 */
public interface ClusterTrends {

	/**
	 * Clusters whose records seen since {@code since} come from at least {@code minCountries} countries, the
	 * widest first, at most {@code limit}.
	 */
	List<GrowingCluster> growingAcrossBorders(Instant since, int minCountries, int limit);

	/**
	 * One cluster's aggregate facts.
	 *
	 * @param recentRecords records seen since the window's start (not TLP:RED)
	 * @param countries countries of those records
	 * @param firstSeen when the cluster's first record was seen
	 * @param recentSources those records, by kind and id, so that their owning module can count them by its own
	 *        classification (at most 1,000)
	 * @param clearIndicators values every record carrying them in the cluster marked TLP:CLEAR, which identify
	 *        nobody (at most 20)
	 */
	record GrowingCluster(long clusterId, int recentRecords, List<CountryCode> countries, Instant firstSeen,
			List<SourceRef> recentSources, List<ClearIndicator> clearIndicators) {

		public GrowingCluster {
			countries = List.copyOf(countries);
			recentSources = List.copyOf(recentSources);
			clearIndicators = List.copyOf(clearIndicators);
		}
	}

	/** An indicator value (normalised, as correlation keeps it) and its type's name. */
	record ClearIndicator(String type, String value) {
	}
}
