package eu.eccp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;

/**
 * Records correlated before related values existed (migration V50) get their derived sightings from the
 * backfill, and with them the hits they would have had: two reports whose URLs share only their domain meet.
 * Feeding them again adds nothing twice.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-related-values-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RelatedValuesBackfillTests {

	@Autowired
	Sightings sightings;

	@Autowired
	RelatedValuesBackfill backfill;

	@Autowired
	JdbcClient jdbc;

	OrganisationId unit(String shortName) {
		return new OrganisationId(jdbc.sql("SELECT id FROM organisation WHERE short_name = :s").param("s", shortName)
			.query(UUID.class).single());
	}

	RecordSightings report(String country, String unit, String url) {
		return new RecordSightings(new SourceRef("REPORT", UUID.randomUUID()), unit(unit), CountryCode.of(country), Tlp.GREEN,
				Instant.now(), List.of(new ObservedIndicator("URL", url, null)));
	}

	long derivedSightingsOf(List<Long> records) {
		return jdbc.sql("SELECT count(*) FROM sighting WHERE record_id = ANY (CAST(:ids AS bigint[])) AND derivation IS NOT NULL")
			.param("ids", records.toArray(Long[]::new)).query(Long.class).single();
	}

	long hitsOn(List<Long> records) {
		return jdbc.sql("SELECT count(*) FROM hit WHERE record_id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", records.toArray(Long[]::new)).query(Long.class).single();
	}

	@Test
	void recordsFromBeforeRelatedValuesMeetOnTheirDomainOnceTheBackfillHasRun() {
		String domain = "parcel-" + UUID.randomUUID().toString().substring(0, 8) + ".xyz";
		RecordSightings fr = report("FR", "fr-unit", "https://secure." + domain + "/fr/suivi?id=1");
		RecordSightings de = report("DE", "de-unit", "https://login." + domain + "/de/verfolgen");
		sightings.record(List.of(fr, de));
		List<Long> records = jdbc.sql("SELECT id FROM correlation_record WHERE source_id IN (:fr, :de) ORDER BY id")
			.param("fr", fr.source().id()).param("de", de.source().id()).query(Long.class).list();
		assertThat(records).hasSize(2);
		long hitsOfToday = hitsOn(records);
		assertThat(hitsOfToday).as("today they meet on the domain at once").isEqualTo(2);

		// as stored before V50: exact sightings only, no hit through the domain; the backfill still to run over them
		jdbc.sql("DELETE FROM hit WHERE record_id = ANY (CAST(:ids AS bigint[]))").param("ids", records.toArray(Long[]::new))
			.update();
		jdbc.sql("DELETE FROM sighting WHERE record_id = ANY (CAST(:ids AS bigint[])) AND derivation IS NOT NULL")
			.param("ids", records.toArray(Long[]::new)).update();
		assertThat(derivedSightingsOf(records)).isZero();
		jdbc.sql("UPDATE correlation_backfill SET next_record = :first, last_record = :last, finished_at = NULL WHERE name = :n")
			.param("first", records.get(0)).param("last", records.get(1)).param("n", RelatedValuesBackfill.NAME).update();
		backfill.forget(); // a node that starts on such a database looks at the cursor

		backfill.runScheduled();

		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
				"SELECT finished_at IS NOT NULL FROM correlation_backfill WHERE name = :n").param("n", RelatedValuesBackfill.NAME)
			.query(Boolean.class).single());
		assertThat(derivedSightingsOf(records)).as("hosts and registrable domain of both URLs").isPositive();
		assertThat(hitsOn(records)).as("each unit's record is hit on the domain, as if correlated today").isEqualTo(hitsOfToday);
		long derived = derivedSightingsOf(records);
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(backfill::done);

		// fed again (a crash before the cursor moved, and the node restarted): nothing is added twice
		jdbc.sql("UPDATE correlation_backfill SET next_record = :first, finished_at = NULL WHERE name = :n")
			.param("first", records.get(0)).param("n", RelatedValuesBackfill.NAME).update();
		backfill.forget();
		backfill.runScheduled();
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
				"SELECT finished_at IS NOT NULL FROM correlation_backfill WHERE name = :n").param("n", RelatedValuesBackfill.NAME)
			.query(Boolean.class).single());
		assertThat(derivedSightingsOf(records)).isEqualTo(derived);
		assertThat(hitsOn(records)).isEqualTo(hitsOfToday);
	}

	@Test
	void aNodeThatSawTheBackfillFinishedNoLongerLooks() {
		backfill.forget();
		backfill.runScheduled();
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(backfill::done);

		// were it to look, it would find the cursor moved back and feed again
		jdbc.sql("UPDATE correlation_backfill SET finished_at = NULL, next_record = last_record + 1 WHERE name = :n")
			.param("n", RelatedValuesBackfill.NAME).update();
		backfill.runScheduled();

		assertThat(jdbc.sql("SELECT finished_at IS NULL FROM correlation_backfill WHERE name = :n")
			.param("n", RelatedValuesBackfill.NAME).query(Boolean.class).single()).as("not looked at").isTrue();
		backfill.forget();
		backfill.runScheduled();
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(backfill::done);
	}
}
