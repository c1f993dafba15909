package eu.eccp.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
 * Related values in the correlation engine: a URL's host and registrable domain, an e-mail address's domain and
 * the reported ranges holding an address link records that share no value exactly, obey the "too common"
 * lists, the sighting limit and TLP:RED as exact values do, and never repeat a stronger hit. Boots correlation with
 * the modules it depends on (the same context as {@link CorrelationEngineTests}).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = { "eccp.correlation.max-sources-to-link=3", "eccp.correlation.max-sightings-shown=3" })
@ActiveProfiles("test")
class RelatedValueLinkingTests {

	@Autowired
	Sightings sightings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	static RecordSightings record(OrganisationId owner, String country, Tlp tlp, String... typedValues) {
		List<ObservedIndicator> indicators = new ArrayList<>();
		for (String typed : typedValues) {
			int colon = typed.indexOf(' ');
			indicators.add(new ObservedIndicator(typed.substring(0, colon), typed.substring(colon + 1), null));
		}
		return new RecordSightings(new SourceRef("TEST", UUID.randomUUID()), owner, CountryCode.of(country), tlp,
				Instant.now(), indicators);
	}

	static String domain() {
		return "parcel-" + UUID.randomUUID().toString().substring(0, 8) + ".xyz";
	}

	List<String> hitValues(OrganisationId org) {
		return jdbc.sql("SELECT v.type || ' ' || v.value FROM hit h JOIN indicator_value v ON v.id = h.indicator_id "
				+ "WHERE h.organisation_id = :o ORDER BY 1").param("o", org.value()).query(String.class).list();
	}

	long cluster(RecordSightings r) {
		return jdbc.sql("SELECT cluster_id FROM correlation_record WHERE source_kind = 'TEST' AND source_id = :id")
			.param("id", r.source().id()).query(Long.class).single();
	}

	Integer derivation(RecordSightings r, String type, String value) {
		return jdbc.sql("""
				SELECT s.derivation FROM sighting s JOIN correlation_record c ON c.id = s.record_id
				JOIN indicator_value v ON v.id = s.indicator_id
				WHERE c.source_id = :id AND v.type = :type AND v.value = :value""")
			.param("id", r.source().id()).param("type", type).param("value", value)
			.query((rs, n) -> (Integer) rs.getObject(1)).list().get(0);
	}

	@Test
	void urlsWithDifferentPathsOnOneDomainGiveEachUnitOneHitOnTheDomain() {
		String d = domain();
		OrganisationId fr = OrganisationId.random();
		OrganisationId de = OrganisationId.random();
		RecordSightings a = record(fr, "FR", Tlp.AMBER, "URL https://" + d + "/fr/track?id=1");
		RecordSightings b = record(de, "DE", Tlp.AMBER, "URL https://" + d + "/de/verfolgen");
		sightings.record(List.of(a));
		IngestResult result = sightings.record(List.of(b));
		assertThat(result.hits()).isEqualTo(2);
		assertThat(hitValues(fr)).containsExactly("DOMAIN " + d);
		assertThat(hitValues(de)).containsExactly("DOMAIN " + d);
		assertThat(cluster(a)).isEqualTo(cluster(b));
		assertThat(derivation(a, "DOMAIN", d)).as("a URL carries its host by relation").isEqualTo(1);
		assertThat(derivation(a, "URL", "https://" + d + "/fr/track?id=1")).as("and its own value exactly").isNull();
		assertThat(sightings.record(List.of(a, b)).newSightings()).as("a replay adds nothing").isZero();
	}

	@Test
	void aSharedUrlGivesOneHitNotOneMoreForItsHostAndDomain() {
		String url = "https://login." + domain() + "/pay";
		OrganisationId fr = OrganisationId.random();
		OrganisationId de = OrganisationId.random();
		sightings.record(List.of(record(fr, "FR", Tlp.AMBER, "URL " + url)));
		sightings.record(List.of(record(de, "DE", Tlp.AMBER, "URL " + url)));
		assertThat(hitValues(fr)).containsExactly("URL " + url);
		assertThat(hitValues(de)).containsExactly("URL " + url);
	}

	@Test
	void subDomainsLinkThroughTheirRegistrableDomainAndNewCarriersStillGetTheirHit() {
		String d = domain();
		OrganisationId fr = OrganisationId.random();
		OrganisationId de = OrganisationId.random();
		OrganisationId nl = OrganisationId.random();
		sightings.record(List.of(record(fr, "FR", Tlp.AMBER, "URL https://a." + d + "/x")));
		sightings.record(List.of(record(de, "DE", Tlp.AMBER, "URL https://b." + d + "/y")));
		assertThat(hitValues(fr)).containsExactly("DOMAIN " + d);
		assertThat(hitValues(de)).containsExactly("DOMAIN " + d);
		// NL shares the exact URL with DE and the domain with FR: the URL hit and the domain hit name different
		// records, so both are kept
		sightings.record(List.of(record(nl, "NL", Tlp.AMBER, "URL https://b." + d + "/y")));
		assertThat(hitValues(nl)).containsExactly("DOMAIN " + d, "URL https://b." + d + "/y");
	}

	@Test
	void freeMailAddressesNeverLinkThroughTheirDomainButAnOrdinaryDomainDoes() {
		OrganisationId fr = OrganisationId.random();
		OrganisationId de = OrganisationId.random();
		RecordSightings a = record(fr, "FR", Tlp.AMBER, "EMAIL colis.suivi." + UUID.randomUUID() + "@gmx.de");
		RecordSightings b = record(de, "DE", Tlp.AMBER, "EMAIL paket.status." + UUID.randomUUID() + "@gmx.de");
		sightings.record(List.of(a));
		sightings.record(List.of(b));
		assertThat(hitValues(fr)).isEmpty();
		assertThat(cluster(a)).isNotEqualTo(cluster(b));
		assertThat(jdbc.sql("SELECT count(*) FROM indicator_value WHERE type = 'DOMAIN' AND value = 'gmx.de'")
			.query(Long.class).single()).as("a too-common derived value is not even sighted").isZero();

		String d = domain();
		sightings.record(List.of(record(fr, "FR", Tlp.AMBER, "EMAIL service@" + d)));
		sightings.record(List.of(record(de, "DE", Tlp.AMBER, "EMAIL kunden@" + d)));
		assertThat(hitValues(fr)).containsExactly("DOMAIN " + d);
	}

	@Test
	void anAddressInsideAReportedRangeLinksWhicheverArrivesFirst() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String net = "45." + random.nextInt(1, 250) + "." + random.nextInt(1, 250);
		OrganisationId fr = OrganisationId.random();
		OrganisationId de = OrganisationId.random();
		RecordSightings range = record(fr, "FR", Tlp.AMBER, "CIDR " + net + ".0/24");
		RecordSightings address = record(de, "DE", Tlp.AMBER, "IPV4 " + net + ".77");
		sightings.record(List.of(range));
		assertThat(sightings.record(List.of(address)).hits()).isEqualTo(2);
		assertThat(hitValues(fr)).containsExactly("CIDR " + net + ".0/24");
		assertThat(hitValues(de)).containsExactly("CIDR " + net + ".0/24");
		assertThat(cluster(range)).isEqualTo(cluster(address));
		assertThat(derivation(address, "CIDR", net + ".0/24")).isEqualTo(4);

		String other = "46." + random.nextInt(1, 250) + "." + random.nextInt(1, 250);
		OrganisationId nl = OrganisationId.random();
		RecordSightings early = record(nl, "NL", Tlp.AMBER, "IPV4 " + other + ".9", "URL http://" + other + ".10/panel");
		sightings.record(List.of(early));
		RecordSightings late = record(fr, "FR", Tlp.AMBER, "CIDR " + other + ".0/24");
		sightings.record(List.of(late));
		assertThat(hitValues(nl)).containsExactly("CIDR " + other + ".0/24");
		assertThat(cluster(early)).isEqualTo(cluster(late));
		assertThat(sightings.record(List.of(late)).newSightings()).isZero();
	}

	@Test
	void derivedValuesObeyTlpRedAndTheSightingLimit() {
		String d = domain();
		OrganisationId fr = OrganisationId.random();
		OrganisationId de = OrganisationId.random();
		sightings.record(List.of(record(fr, "FR", Tlp.RED, "URL https://" + d + "/1")));
		sightings.record(List.of(record(de, "DE", Tlp.AMBER, "URL https://" + d + "/2")));
		assertThat(hitValues(de)).as("a TLP:RED record never shows up in another unit's hits").isEmpty();

		String common = domain();
		List<OrganisationId> units = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			OrganisationId unit = OrganisationId.random();
			units.add(unit);
			sightings.record(List.of(record(unit, i % 2 == 0 ? "BE" : "AT", Tlp.AMBER, "URL https://" + common + "/" + i)));
		}
		assertThat(hitValues(units.get(4))).as("carried by more than max-sources-to-link records: too common").isEmpty();
		assertThat(hitValues(units.get(0))).hasSize(1);
	}

	@Test
	void rangesAndAddressesAreFoundThroughTheirGistIndexesNotByScanningEveryRange() {
		var transaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		String plans = transaction.execute(status -> {
			// the ingest's own planner settings (index probes only), for this transaction
			jdbc.sql("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), "
					+ "set_config('enable_mergejoin', 'off', true)").query().singleRow();
			String holding = String.join("\n", jdbc.sql("""
					EXPLAIN SELECT a.id, r.id FROM indicator_value a
					JOIN indicator_value r ON r.type = 'CIDR' AND r.network >>= a.network AND r.benign IS NULL
					WHERE a.id = ANY (CAST(:ids AS bigint[])) AND a.network IS NOT NULL""")
				.param("ids", new Long[] { 1L, 2L }).query(String.class).list());
			String inside = String.join("\n", jdbc.sql("""
					EXPLAIN SELECT s.record_id FROM indicator_value rv
					JOIN indicator_value a ON a.type IN ('IPV4', 'IPV6') AND a.network <<= rv.network AND a.benign IS NULL
					JOIN sighting s ON s.indicator_id = a.id WHERE rv.id = 1 LIMIT 8""").query(String.class).list());
			return holding + "\n---\n" + inside;
		});
		assertThat(plans).contains("indicator_value_ranges").contains("indicator_value_addresses");
	}
}
