package eu.eccp.takedown.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.takedown.ReportedCategory;

/**
 * A handler hears of its new and joined items once: a batch handed over again (after a crash, a retry) places
 * nothing new and tells nobody again, and an item two sightings of one batch create counts once.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-item-intake-notices-tests",
		"eccp.takedown.hosting-lookup-interval=1h", "eccp.takedown.removal-check-interval=1h" })
@ActiveProfiles("test")
class ItemIntakeNoticesTests {

	@Autowired
	ItemIntake intake;

	@Autowired
	ContentUrls urls;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aBatchHandedOverAgainTellsNobodyTwice() {
		OrganisationId fr = org("fr-hotline");
		OrganisationId de = org("de-hotline");
		String host = "again-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
		UUID first = UUID.randomUUID();
		List<Sighting> created = List.of(sighting(first, fr, "https://" + host + "/a"), sighting(first, fr, "HTTPS://" + host + "/a"));
		UUID second = UUID.randomUUID();
		List<Sighting> joining = List.of(sighting(second, de, "https://" + host + "/a"));

		place(created);
		place(joining);
		place(joining); // the same batch handed over again

		assertThat(notices(fr, "takedown.item.new")).containsExactly("[\"1\"]");
		assertThat(notices(fr, "takedown.item.joined")).containsExactly("[\"1\"]");
	}

	void place(List<Sighting> sightings) {
		transactions.executeWithoutResult(status -> intake.place(sightings));
	}

	Sighting sighting(UUID report, OrganisationId handler, String url) {
		return new Sighting("REPORT", report, "R-" + report, null, handler, url, urls.read(url).orElseThrow(),
				ReportedCategory.TERRORIST_CONTENT, Tlp.AMBER, Instant.now(), List.of());
	}

	OrganisationId org(String shortName) {
		return new OrganisationId(jdbc.sql("SELECT id FROM organisation WHERE short_name = :s").param("s", shortName)
			.query(UUID.class).single());
	}

	List<String> notices(OrganisationId org, String topic) {
		return jdbc.sql("SELECT title_arguments::text FROM notice WHERE recipient_org = :o AND topic = :t")
			.param("o", org.value()).param("t", topic).query(String.class).list();
	}
}
