package eu.eccp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;

/**
 * The pivot and the lookup list at most {@code max-sightings-shown} of a value's records (here 3), exact and
 * related apart: the most recently correlated, in time order, saying that there are more; the counts still take
 * in every record, so that a value very many records carry answers as fast as a rare one and says as much. Boots
 * correlation with the modules it depends on (the same context as {@link CorrelationEngineTests}).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = { "eccp.correlation.max-sources-to-link=3", "eccp.correlation.max-sightings-shown=3" })
@ActiveProfiles("test")
class SightingListsTests {

	@Autowired
	Sightings sightings;

	@Autowired
	IndicatorPivot pivot;


	final OrganisationId france = OrganisationId.random();

	final OrganisationId germany = OrganisationId.random();

	final CallerContext frenchAnalyst = new CallerContext(UserId.random(), "fr.analyst", france, CountryCode.of("FR"),
			Set.of(Role.ANALYST), false);

	/** A domain of a test's own (the tests share one database and, as module tests, one instance). */
	static String newDomain() {
		return "parcel-" + UUID.randomUUID().toString().substring(0, 8) + ".xyz";
	}

	/** Records the value {@code typed} ("TYPE value") for {@code owner}, one record per call, in this order. */
	List<RecordSightings> recordEach(OrganisationId owner, String country, List<String> typed) {
		List<RecordSightings> records = new ArrayList<>();
		for (String t : typed) {
			int space = t.indexOf(' ');
			RecordSightings r = new RecordSightings(new SourceRef("TEST", UUID.randomUUID()), owner, CountryCode.of(country),
					Tlp.AMBER, Instant.now(), List.of(new ObservedIndicator(t.substring(0, space), t.substring(space + 1), null)));
			sightings.record(List.of(r));
			records.add(r);
		}
		return records;
	}

	static List<String> times(int n, String typed) {
		return java.util.Collections.nCopies(n, typed);
	}

	@Test
	void aValueCarriedByMoreRecordsThanShownListsTheLatestAndCountsThemAll() {
		String domain = newDomain();
		String url = "https://" + domain + "/track";
		List<RecordSightings> mine = recordEach(france, "FR", times(5, "URL " + url));
		recordEach(germany, "DE", times(2, "URL " + url));

		Views.IndicatorSighting found = pivot.search(frenchAnalyst, url).stream().filter(s -> s.type().equals("URL"))
			.findFirst().orElseThrow();

		assertThat(found.visibleSightings()).extracting(Views.VisibleRecord::sourceId)
			.as("the three most recently correlated of the caller's five, oldest first")
			.containsExactly(mine.get(2).source().id(), mine.get(3).source().id(), mine.get(4).source().id());
		assertThat(found.visibleSightingsTruncated()).isTrue();
		assertThat(found.sourceCount()).as("every carrier counted").isEqualTo(7);
		assertThat(found.otherSightingsByCountry()).isEqualTo(Map.of("DE", 2));
	}

	@Test
	void relatedRecordsAreCutApartFromTheExactOnes() {
		String domain = newDomain();
		List<RecordSightings> mine = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			mine.addAll(recordEach(france, "FR", List.of("URL https://" + domain + "/fr/" + i)));
		}
		recordEach(germany, "DE", List.of("URL https://" + domain + "/de/1", "URL https://" + domain + "/de/2"));

		Views.IndicatorSighting found = pivot.search(frenchAnalyst, domain).stream()
			.filter(s -> s.type().equals("DOMAIN")).findFirst().orElseThrow();

		assertThat(found.visibleSightings()).as("nobody reported the domain itself").isEmpty();
		assertThat(found.visibleSightingsTruncated()).isFalse();
		assertThat(found.relatedSightings()).extracting(s -> s.record().sourceId())
			.containsExactly(mine.get(1).source().id(), mine.get(2).source().id(), mine.get(3).source().id());
		assertThat(found.relatedSightingsTruncated()).isTrue();
		assertThat(found.otherRelatedSightingsByCountry()).as("the hidden ones still counted in full")
			.isEqualTo(Map.of("DE", 2));
	}

	@Test
	void aFewRecordsAreListedWholeAndNotMarkedCut() {
		String domain = newDomain();
		String url = "https://" + domain + "/few";
		List<RecordSightings> mine = recordEach(france, "FR", times(3, "URL " + url));

		Views.IndicatorSighting found = pivot.search(frenchAnalyst, url).stream().filter(s -> s.type().equals("URL"))
			.findFirst().orElseThrow();

		assertThat(found.visibleSightings()).extracting(Views.VisibleRecord::sourceId)
			.containsExactly(mine.get(0).source().id(), mine.get(1).source().id(), mine.get(2).source().id());
		assertThat(found.visibleSightingsTruncated()).isFalse();
		assertThat(found.relatedSightingsTruncated()).isFalse();
	}

	@Test
	void aLookupThatMaySpeakOnlyOfTheCallersOwnRecordsCountsThemInFullWhenTheListIsCut() {
		String domain = newDomain();
		// an organisation the platform does not know as law enforcement: counts of personal data are withheld
		String email = "victim." + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
		recordEach(france, "FR", times(5, "EMAIL " + email));
		recordEach(germany, "DE", times(2, "EMAIL " + email));

		Views.LookupAnswer answer = pivot.lookup(frenchAnalyst, List.of(email)).get(0);

		assertThat(answer.countsWithheld()).isTrue();
		assertThat(answer.visibleSightings()).hasSize(3);
		assertThat(answer.visibleSightingsTruncated()).isTrue();
		assertThat(answer.sightings()).as("the caller's own five, not the three listed nor the others' two").isEqualTo(5);
		assertThat(answer.countries()).containsExactly("FR");
	}
}
