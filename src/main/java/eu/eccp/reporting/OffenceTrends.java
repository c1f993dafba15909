package eu.eccp.reporting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import eu.eccp.shared.CountryCode;

/**
 * Aggregate counts of reports by offence, for modules that must never see a report (public awareness):
 * numbers, countries and times only. TLP:RED reports and duplicates are never counted.
 */
public interface OffenceTrends {

	/** How many of these reports (at most 1,000 ids are read) fall under each offence. */
	Map<Offence, Long> offencesOf(Collection<ReportId> reports);

	/**
	 * For each offence reported in the week before {@code now}: that week's count, the mean weekly count of the
	 * {@code baselineWeeks} weeks before it, the countries involved (victims' and reporters' residence) and when
	 * the week's first report came in.
	 */
	List<OffenceWeek> lastWeek(Instant now, int baselineWeeks);

	record OffenceWeek(Offence offence, long count, double baselinePerWeek, List<CountryCode> countries,
			Instant firstSeen) {

		public OffenceWeek {
			countries = List.copyOf(countries);
		}
	}
}
