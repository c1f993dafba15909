package eu.eccp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import eu.eccp.correlation.IngestResult;
import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/**
 * The correlation engine on its own (its module with the modules it depends on: organisations, audit, indicators;
 * no web layer): links, clusters, hits, the "too common" rule, replays, TLP:RED.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = { "eccp.correlation.max-sources-to-link=3", "eccp.correlation.max-sightings-shown=3" })
@ActiveProfiles("test")
class CorrelationEngineTests {

	@Autowired
	Sightings sightings;

	@Autowired
	JdbcClient jdbc;

	static final OrganisationId FR = OrganisationId.random();
	static final OrganisationId DE = OrganisationId.random();
	static final OrganisationId NL = OrganisationId.random();

	static RecordSightings record(OrganisationId owner, String country, Tlp tlp, String... urls) {
		List<ObservedIndicator> indicators = new ArrayList<>();
		for (String url : urls) {
			indicators.add(new ObservedIndicator("URL", url, null));
		}
		return new RecordSightings(new SourceRef("TEST", UUID.randomUUID()), owner, CountryCode.of(country), tlp,
				Instant.now(), indicators);
	}

	long cluster(RecordSightings r) {
		return jdbc.sql("SELECT cluster_id FROM correlation_record WHERE source_kind = 'TEST' AND source_id = :id")
			.param("id", r.source().id()).query(Long.class).single();
	}

	long hitsFor(OrganisationId org) {
		return jdbc.sql("SELECT count(*) FROM hit WHERE organisation_id = :o").param("o", org.value()).query(Long.class).single();
	}

	static String url() {
		return "https://" + UUID.randomUUID() + ".example.com/login";
	}

	@Test
	void recordsSharingAnIndicatorAcrossBordersAreLinkedAndBothUnitsGetAHit() {
		String shared = url();
		OrganisationId fr = OrganisationId.random();
		OrganisationId de = OrganisationId.random();
		RecordSightings a = record(fr, "FR", Tlp.AMBER, shared, url());
		RecordSightings b = record(de, "DE", Tlp.AMBER, shared);
		sightings.record(List.of(a));
		IngestResult result = sightings.record(List.of(b));
		assertThat(result.links()).isEqualTo(1);
		assertThat(result.hits()).isEqualTo(2);
		assertThat(cluster(a)).isEqualTo(cluster(b));
		assertThat(hitsFor(fr)).isOne();
		assertThat(hitsFor(de)).isOne();
	}

	@Test
	void sameCountryRecordsAreLinkedWithoutHits() {
		String shared = url();
		OrganisationId fr1 = OrganisationId.random();
		OrganisationId fr2 = OrganisationId.random();
		RecordSightings a = record(fr1, "FR", Tlp.AMBER, shared);
		RecordSightings b = record(fr2, "FR", Tlp.AMBER, shared);
		IngestResult result = sightings.record(List.of(a, b));
		assertThat(result.links()).isPositive();
		assertThat(cluster(a)).isEqualTo(cluster(b));
		assertThat(hitsFor(fr1) + hitsFor(fr2)).isZero();
	}

	@Test
	void aValueSeenInMoreRecordsThanTheLimitLinksNothingMore() {
		String common = url();
		List<RecordSightings> first = List.of(record(FR, "FR", Tlp.AMBER, common), record(DE, "DE", Tlp.AMBER, common),
				record(NL, "NL", Tlp.AMBER, common));
		sightings.record(first);
		RecordSightings fourth = record(OrganisationId.random(), "BE", Tlp.AMBER, common);
		IngestResult result = sightings.record(List.of(fourth));
		assertThat(result.newSightings()).isOne();
		assertThat(result.links()).isZero();
		assertThat(result.hits()).isZero();
		assertThat(cluster(fourth)).isNotEqualTo(cluster(first.get(0)));
		assertThat(jdbc.sql("SELECT source_count FROM indicator_value WHERE value = :v").param("v", common)
			.query(Integer.class).single()).isEqualTo(4);
	}

	@Test
	void aBenignValueLinksNothing() {
		List<ObservedIndicator> benign = List.of(new ObservedIndicator("DOMAIN", "example.org", "documentation-domains"));
		RecordSightings a = new RecordSightings(new SourceRef("TEST", UUID.randomUUID()), FR, CountryCode.of("FR"), Tlp.AMBER,
				Instant.now(), benign);
		RecordSightings b = new RecordSightings(new SourceRef("TEST", UUID.randomUUID()), DE, CountryCode.of("DE"), Tlp.AMBER,
				Instant.now(), benign);
		IngestResult result = sightings.record(List.of(a, b));
		assertThat(result.links()).isZero();
		assertThat(cluster(a)).isNotEqualTo(cluster(b));
	}

	@Test
	void replayingTheSameSightingsAddsNothingAndNotifiesNobodyTwice() {
		String shared = url();
		OrganisationId fr = OrganisationId.random();
		OrganisationId de = OrganisationId.random();
		List<RecordSightings> batch = List.of(record(fr, "FR", Tlp.GREEN, shared), record(de, "DE", Tlp.GREEN, shared));
		IngestResult first = sightings.record(batch);
		IngestResult replay = sightings.record(batch);
		assertThat(first.hits()).isEqualTo(2);
		assertThat(replay.newSightings()).isZero();
		assertThat(replay.hits()).isZero();
		assertThat(hitsFor(fr) + hitsFor(de)).isEqualTo(2);
	}

	@Test
	void clustersMergeWhenABridgeRecordArrives() {
		String left = url();
		String right = url();
		RecordSightings a = record(FR, "FR", Tlp.AMBER, left);
		RecordSightings b = record(FR, "FR", Tlp.AMBER, left);
		RecordSightings c = record(DE, "DE", Tlp.AMBER, right);
		sightings.record(List.of(a, b, c));
		assertThat(cluster(a)).isNotEqualTo(cluster(c));
		RecordSightings bridge = record(NL, "NL", Tlp.AMBER, left, right);
		sightings.record(List.of(bridge));
		long merged = cluster(a);
		assertThat(List.of(cluster(b), cluster(c), cluster(bridge))).containsOnly(merged);
		assertThat(jdbc.sql("SELECT size FROM correlation_cluster WHERE id = :id").param("id", merged).query(Integer.class).single())
			.isEqualTo(4);
	}

	@Test
	void aPopularIndicatorCostsOneHitPerRecordNotOnePerPair() {
		String shared = url();
		List<OrganisationId> owners = new ArrayList<>();
		List<RecordSightings> records = new ArrayList<>();
		String[] countries = { "FR", "FR", "DE" };
		for (String country : countries) {
			OrganisationId owner = OrganisationId.random();
			owners.add(owner);
			records.add(record(owner, country, Tlp.AMBER, shared));
		}
		int total = 0;
		for (RecordSightings r : records) {
			total += sightings.record(List.of(r)).hits();
		}
		assertThat(total).as("the two French records and the German one each get exactly one hit").isEqualTo(3);
		for (OrganisationId owner : owners) {
			assertThat(hitsFor(owner)).isOne();
		}
	}

	@Test
	void concurrentIngestsStillLinkRecordsThatArriveAtTheSameMoment() throws Exception {
		String shared = url();
		List<RecordSightings> records = new ArrayList<>();
		String[] countries = { "FR", "DE", "NL" };
		for (String country : countries) {
			records.add(record(OrganisationId.random(), country, Tlp.AMBER, shared, url()));
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<IngestResult>> results = new ArrayList<>();
			for (RecordSightings r : records) {
				results.add(pool.submit(() -> sightings.record(List.of(r))));
			}
			for (java.util.concurrent.Future<IngestResult> result : results) {
				result.get(30, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(records.stream().map(this::cluster).distinct()).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM hit h JOIN indicator_value v ON v.id = h.indicator_id WHERE v.value = :v")
			.param("v", shared).query(Long.class).single()).as("every record has exactly one hit on the shared value")
			.isEqualTo(3);
		assertThat(jdbc.sql("SELECT size FROM correlation_cluster WHERE id = :id").param("id", cluster(records.get(0)))
			.query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void concurrentIngestsAddingToKnownRecordsCountEachRecordOnceAndLinkEverything() throws Exception {
		OrganisationId fr = OrganisationId.random();
		OrganisationId de = OrganisationId.random();
		RecordSightings known1 = record(fr, "FR", Tlp.AMBER, url());
		RecordSightings known2 = record(de, "DE", Tlp.AMBER, url());
		sightings.record(List.of(known1, known2));
		List<String> shared = List.of(url(), url());
		List<String> reversed = List.of(shared.get(1), shared.get(0));
		RecordSightings fresh = record(OrganisationId.random(), "NL", Tlp.AMBER, shared.toArray(String[]::new));
		// the known records gain the shared values in opposite orders, twice each (replays), next to a new record
		List<RecordSightings> work = List.of(again(known1, shared), again(known2, reversed), fresh, again(known1, shared),
				again(known2, reversed));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
		try {
			List<java.util.concurrent.Callable<IngestResult>> tasks = work.stream()
				.map(r -> (java.util.concurrent.Callable<IngestResult>) () -> sightings.record(List.of(r))).toList();
			for (java.util.concurrent.Future<IngestResult> result : pool.invokeAll(tasks)) {
				result.get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}
		for (String value : shared) {
			assertThat(jdbc.sql("SELECT source_count FROM indicator_value WHERE type = 'URL' AND value = :v").param("v", value)
				.query(Integer.class).single()).as("distinct records carrying %s", value).isEqualTo(3);
		}
		assertThat(List.of(cluster(known1), cluster(known2), cluster(fresh))).containsOnly(cluster(known1));
		assertThat(jdbc.sql("SELECT size FROM correlation_cluster WHERE id = :id").param("id", cluster(known1))
			.query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void aValueTooCommonToLinkIsStillCountedOnceForEveryRecordCarryingIt() throws Exception {
		String common = url();
		// four records carry it: beyond the limit of three, so it links nothing from now on
		sightings.record(List.of(record(FR, "FR", Tlp.AMBER, common), record(DE, "DE", Tlp.AMBER, common),
				record(NL, "NL", Tlp.AMBER, common), record(OrganisationId.random(), "BE", Tlp.AMBER, common)));
		RecordSightings known = record(OrganisationId.random(), "FR", Tlp.AMBER, url());
		sightings.record(List.of(known));
		// at once: six new records carrying it (three countries), and the known record gaining it, twice (a replay)
		List<RecordSightings> work = new ArrayList<>();
		for (String country : List.of("FR", "DE", "NL", "FR", "DE", "NL")) {
			work.add(record(OrganisationId.random(), country, Tlp.AMBER, common, url()));
		}
		work.add(again(known, List.of(common)));
		work.add(again(known, List.of(common)));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(work.size());
		try {
			List<java.util.concurrent.Callable<IngestResult>> tasks = work.stream()
				.map(r -> (java.util.concurrent.Callable<IngestResult>) () -> sightings.record(List.of(r))).toList();
			for (java.util.concurrent.Future<IngestResult> result : pool.invokeAll(tasks)) {
				assertThat(result.get(60, java.util.concurrent.TimeUnit.SECONDS).links()).isZero();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT source_count FROM indicator_value WHERE type = 'URL' AND value = :v").param("v", common)
			.query(Integer.class).single()).as("the four, the six new records and the known one").isEqualTo(11);
		assertThat(jdbc.sql("""
				SELECT count(DISTINCT s.record_id) FROM sighting s JOIN indicator_value v ON v.id = s.indicator_id
				WHERE v.type = 'URL' AND v.value = :v""").param("v", common).query(Long.class).single()).isEqualTo(11);
		assertThat(jdbc.sql("SELECT count(*) FROM hit h JOIN indicator_value v ON v.id = h.indicator_id WHERE v.value = :v")
			.param("v", common).query(Long.class).single()).as("a value too common to link makes no hit").isZero();
		assertThat(jdbc.sql("SELECT last_seen FROM indicator_value WHERE type = 'URL' AND value = :v").param("v", common)
			.query(java.sql.Timestamp.class).single().toInstant())
			.isAfterOrEqualTo(work.stream().map(RecordSightings::seenAt).max(Instant::compareTo).orElseThrow()
				.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
	}

	static RecordSightings again(RecordSightings known, List<String> urls) {
		return new RecordSightings(known.source(), known.owner(), known.country(), known.tlp(), Instant.now(),
				urls.stream().map(u -> new ObservedIndicator("URL", u, null)).toList());
	}

	@Test
	void aRedRecordNeverAppearsInAnotherOrganisationsHits() {
		String shared = url();
		OrganisationId owner = OrganisationId.random();
		OrganisationId other = OrganisationId.random();
		sightings.record(List.of(record(owner, "FR", Tlp.RED, shared)));
		sightings.record(List.of(record(other, "DE", Tlp.AMBER, shared)));
		assertThat(hitsFor(other)).as("nobody learns of a TLP:RED record").isZero();
		assertThat(hitsFor(owner)).as("the RED record's owner learns of the other record").isOne();
	}
}
