package eu.eccp.takedown;

import static eu.eccp.DemoTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * What follows when an item is not removed: it is proposed for the EU block list (hosted outside the EU, or past a
 * notice's deadline) with the countries where the legality matrix makes it illegal, and a second person with the
 * block-list role must approve it before it is published; its host is asked to preserve the evidence through an urgent
 * request of the 24/7 network; and a notice whose deadline passes unanswered escalates to the host's backup person
 * and to the hosting country's 24/7 point of contact (its backup person), as the 24/7 network escalates requests.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-takedown-not-removed-tests",
		"eccp.takedown.removal-deadline.RACIST_XENOPHOBIC_INCITEMENT=1ms", "eccp.takedown.deadline-check-interval=1s",
		"eccp.takedown.hosting-lookup-interval=1h", "eccp.takedown.removal-check-interval=1h",
		"eccp.blocklist.check-poll-interval=1h" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ItemsNotRemovedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String item(String token, String reported, String url) throws Exception {
		return JsonPath.read(mvc.perform(bearer(post("/api/v1/content-reports"), token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"" + reported + "\",\"urls\":[\"" + url + "\"]}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.items[0].itemId");
	}

	void assess(String id, String first, String second, String category) throws Exception {
		String assessment = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments"), first)
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"" + category + "\",\"reason\":\"Assessed.\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		if (second != null) {
			mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments/" + assessment + "/confirm"), second))
				.andExpect(status().isOk());
		}
	}

	void hostedAt(String id, String token, String hosting) throws Exception {
		mvc.perform(bearer(put("/api/v1/content-items/" + id + "/hosting"), token).contentType(MediaType.APPLICATION_JSON)
			.content(hosting)).andExpect(status().isOk());
	}

	@Test
	void anItemHostedOutsideTheEuIsProposedForTheCountriesWhereItIsIllegalAndWaitsForASecondPerson() throws Exception {
		String fr = DemoTokens.token(mvc, "fr.hotline");
		String run = UUID.randomUUID().toString().substring(0, 8);
		String url = "https://gallery-" + run + ".far-away.example.com/albums/7/";
		String id = item(fr, "CSAM", url);
		// not assessed yet: nothing to propose
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/block-list-proposals"), fr))
			.andExpect(status().isConflict());
		assess(id, fr, DemoTokens.token(mvc, "fr.hotline2"), "CSAM_BASELINE");
		hostedAt(id, fr, "{\"country\":\"US\",\"provider\":\"Far Away Hosting\",\"abuseEmail\":\"abuse@far-away.example.com\"}");
		mvc.perform(bearer(get("/api/v1/content-items/" + id + "/block-list-proposals"), fr))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.proposable").value(true))
			.andExpect(jsonPath("$.reason").value("HOSTED_OUTSIDE_EU"))
			.andExpect(jsonPath("$.countries").value(Matchers.contains("BE", "DE", "FR", "IE", "NL")));

		// an outsider learns nothing; bad stop-page text gets a field error and changes nothing
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/block-list-proposals"), DemoTokens.token(mvc, "bank.partner")))
			.andExpect(status().isNotFound());
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/block-list-proposals"), fr)
			.contentType(MediaType.APPLICATION_JSON).content("{\"stopPage\":{\"en\":\"" + "x".repeat(4001) + "\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['stopPage.en']").isNotEmpty());
		assertThat(jdbc.sql("SELECT count(*) FROM blocklist_entry WHERE source_item = :id").param("id", id)
			.query(Long.class).single()).isZero();

		String proposal = mvc.perform(bearer(post("/api/v1/content-items/" + id + "/block-list-proposals"), fr))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.reason").value("HOSTED_OUTSIDE_EU"))
			.andExpect(jsonPath("$.wholeHost").value(false))
			.andReturn().getResponse().getContentAsString();
		String entryId = JsonPath.read(proposal, "$.entryId");
		var entry = jdbc.sql("SELECT expression, category, reason_code, status, stop_text_fr FROM blocklist_entry WHERE id = :id")
			.param("id", UUID.fromString(entryId)).query().singleRow();
		assertThat(entry).containsEntry("expression", "gallery-" + run + ".far-away.example.com/albums/7/")
			.containsEntry("category", "CSAM_BASELINE")
			.containsEntry("reason_code", "HOSTED_OUTSIDE_EU")
			.containsEntry("status", "PROPOSED");
		assertThat((String) entry.get("stop_text_fr")).contains("pédocriminels");
		assertThat(jdbc.sql("SELECT country FROM blocklist_entry_country WHERE entry_id = :id ORDER BY country")
			.param("id", UUID.fromString(entryId)).query(String.class).list()).containsExactly("BE", "DE", "FR", "IE", "NL");
		mvc.perform(bearer(get("/api/v1/content-items/" + id), fr))
			.andExpect(jsonPath("$.timeline[*].kind").value(Matchers.hasItem("BLOCK_LIST_PROPOSED")));
		// the same expression again: already proposed
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/block-list-proposals"), fr))
			.andExpect(status().isConflict());

		// four-eyes on the block list's side: a block-list officer approves, and only then is it published
		mvc.perform(bearer(post("/api/v1/blocklist/entries/" + entryId + "/approval"), DemoTokens.token(mvc, "blocklist.officer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"));
	}

	@Test
	void anItemPastItsNoticeDeadlineIsProposedOnlyWhereTheMatrixSaysItIsIllegal() throws Exception {
		String de = DemoTokens.token(mvc, "de.hotline");
		String run = UUID.randomUUID().toString().substring(0, 8);
		String id = item(de, "RACIST_XENOPHOBIC_HATE", "https://forum-" + run + ".example.de/thread/9?utm_source=x");
		assess(id, de, null, "RACIST_XENOPHOBIC_INCITEMENT");
		hostedAt(id, de, "{\"country\":\"DE\",\"provider\":\"Kleiner Hoster\",\"abuseEmail\":\"abuse@" + run
				+ ".example.de\",\"language\":\"de\"}");
		// hosted in the EU and no notice yet: it is to be removed, not blocked
		mvc.perform(bearer(get("/api/v1/content-items/" + id + "/block-list-proposals"), de))
			.andExpect(jsonPath("$.proposable").value(false));
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/block-list-proposals"), de))
			.andExpect(status().isConflict());
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/notices"), de).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind":"NOTICE","explanation":"Volksverhetzung, StGB § 130.","notifierName":"Mia Schneider",
					 "notifierEmail":"mia@hotline.example.com","goodFaith":true}"""))
			.andExpect(status().isCreated());
		// the deadline (1 ms here) passed without removal
		String entryId = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-items/" + id + "/block-list-proposals"), de)
			.contentType(MediaType.APPLICATION_JSON).content("{\"dedicatedHost\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.reason").value("REMOVAL_DEADLINE_PASSED"))
			.andExpect(jsonPath("$.wholeHost").value(true))
			// FR, DE and NL make it illegal; IE's "depends" and BE without a rule get nothing
			.andExpect(jsonPath("$.countries").value(Matchers.contains("DE", "FR", "NL")))
			.andReturn().getResponse().getContentAsString(), "$.entryId");
		assertThat(jdbc.sql("SELECT expression FROM blocklist_entry WHERE id = :id").param("id", UUID.fromString(entryId))
			.query(String.class).single()).isEqualTo("forum-" + run + ".example.de/");
		List<String> countries = jdbc.sql("SELECT country FROM blocklist_entry_country WHERE entry_id = :id ORDER BY country")
			.param("id", UUID.fromString(entryId)).query(String.class).list();
		assertThat(countries).containsExactly("DE", "FR", "NL").doesNotContain("IE", "BE");
	}

	@Test
	void oneClickAsksTheHostToPreserveTheEvidenceThroughAnUrgentRequestLinkedBackToTheItem() throws Exception {
		String analyst = DemoTokens.token(mvc, "fr.analyst");
		String hotline = DemoTokens.token(mvc, "fr.hotline");
		String run = UUID.randomUUID().toString().substring(0, 8);
		String url = "https://share-" + run + ".example.nl/v/1";
		// the French unit reports it; the French hotline handles it and records the Dutch host on the platform
		String id = item(analyst, "CSAM", url);
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/preservation-requests"), analyst))
			.andExpect(status().isConflict());
		hostedAt(id, hotline, "{\"country\":\"NL\",\"hostOrganisation\":\"hosting\",\"language\":\"en\"}");

		// hotline analysts do not send urgent requests; outsiders see nothing; bad input gets field errors
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/preservation-requests"), hotline))
			.andExpect(status().isForbidden());
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/preservation-requests"), DemoTokens.token(mvc, "bank.partner")))
			.andExpect(status().isNotFound());
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/preservation-requests"), analyst)
			.contentType(MediaType.APPLICATION_JSON).content("{\"facts\":\"" + "x".repeat(10_001) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.facts").isNotEmpty());

		String sent = mvc.perform(bearer(post("/api/v1/content-items/" + id + "/preservation-requests"), analyst)
			.contentType(MediaType.APPLICATION_JSON).content("{\"mlaFollowUp\":true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.reference").value(Matchers.startsWith("REQ-")))
			.andExpect(jsonPath("$.host").value("Demo Hosting Provider"))
			.andReturn().getResponse().getContentAsString();
		String requestId = JsonPath.read(sent, "$.requestId");
		mvc.perform(bearer(get("/api/v1/requests/" + requestId), analyst))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("PRESERVATION"))
			.andExpect(jsonPath("$.urgent").value(true))
			.andExpect(jsonPath("$.recipient.name").value("Demo Hosting Provider"))
			.andExpect(jsonPath("$.identifiers[0].type").value("URL"))
			.andExpect(jsonPath("$.identifiers[0].value").value(url))
			.andExpect(jsonPath("$.details.mlaFollowUp").value(true))
			.andExpect(jsonPath("$.origin.kind").value("TAKEDOWN_ITEM"))
			.andExpect(jsonPath("$.origin.link").value("/takedown/items/" + id));
		// the host's desk receives it like any urgent request
		mvc.perform(bearer(get("/api/v1/requests/" + requestId), DemoTokens.token(mvc, "hosting.partner")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.direction").value("INCOMING"));
		mvc.perform(bearer(get("/api/v1/content-items/" + id + "/preservation-requests"), hotline))
			.andExpect(jsonPath("$[0].requestId").value(requestId))
			.andExpect(jsonPath("$[0].mine").value(false));
		mvc.perform(bearer(get("/api/v1/content-items/" + id), hotline))
			.andExpect(jsonPath("$.timeline[*].kind").value(Matchers.hasItem("PRESERVATION_REQUESTED")));
	}

	UUID org(String shortName) {
		return jdbc.sql("SELECT id FROM organisation WHERE short_name = :s").param("s", shortName).query(UUID.class).single();
	}

	@Test
	void aNoticeNotActedOnInTimeEscalatesToTheHostsBackupPersonAndTheHostingCountrys247Point() throws Exception {
		String nl = DemoTokens.token(mvc, "nl.hotline");
		String run = UUID.randomUUID().toString().substring(0, 8);
		String id = item(nl, "RACIST_XENOPHOBIC_HATE", "https://board-" + run + ".example.nl/post/3");
		assess(id, nl, null, "RACIST_XENOPHOBIC_INCITEMENT");
		hostedAt(id, nl, "{\"country\":\"NL\",\"hostOrganisation\":\"hosting\",\"language\":\"en\"}");
		String noticeId = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-items/" + id + "/notices"), nl)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"kind":"NOTICE","explanation":"Incitement to hatred, Sr 137d.","notifierName":"Sanne de Vries",
					 "notifierEmail":"sanne@hotline.example.nl","goodFaith":true}"""))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String reference = jdbc.sql("SELECT reference FROM takedown_notice WHERE id = CAST(:id AS uuid)").param("id", noticeId)
			.query(String.class).single();

		// the deadline (1 ms here) passes unanswered; the deadline watch (every second here) escalates it once
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
				"SELECT count(*) FROM content_item_event WHERE item_id = CAST(:id AS uuid) AND kind = 'ESCALATED'")
			.param("id", id).query(Long.class).single() == 1);

		UUID host = org("hosting");
		UUID hostBackup = jdbc.sql("SELECT backup_user FROM contact_point WHERE organisation_id = :o").param("o", host)
			.query(UUID.class).single();
		assertThat(hostBackup).as("the demo host's directory entry names a backup person").isNotNull();
		var toHost = jdbc.sql("""
				SELECT recipient_user, urgent FROM notice WHERE recipient_org = :o AND topic = 'takedown.notice.escalated'
				AND title LIKE :ref""").param("o", host).param("ref", "%" + reference + "%").query().singleRow();
		assertThat(toHost).containsEntry("recipient_user", hostBackup).containsEntry("urgent", true);

		UUID point = org("nl-247");
		UUID pointBackup = jdbc.sql("SELECT backup_user FROM contact_point WHERE organisation_id = :o").param("o", point)
			.query(UUID.class).optional().orElse(null);
		var to247 = jdbc.sql("""
				SELECT recipient_user, urgent, title, link FROM notice WHERE recipient_org = :o
				AND topic = 'takedown.notice.escalated' AND title LIKE :ref""").param("o", point)
			.param("ref", "%" + reference + "%").query().singleRow();
		assertThat(to247.get("urgent")).isEqualTo(true);
		assertThat(to247.get("recipient_user")).isEqualTo(pointBackup);
		assertThat((String) to247.get("title")).contains("Demo Hosting Provider");
		assertThat((String) to247.get("link")).isEqualTo("/contact-points?country=NL");
		String detail = jdbc.sql("""
				SELECT detail FROM content_item_event WHERE item_id = CAST(:id AS uuid) AND kind = 'ESCALATED'""")
			.param("id", id).query(String.class).single();
		assertThat(detail).contains(reference, "Demo Hosting Provider (Hosting on-call engineer)", "Duty officer of the national unit, Netherlands");
		// the sender (the hotline of the hosting country here) is told plainly, not as its own escalation target
		assertThat(jdbc.sql("""
				SELECT count(*) FROM notice WHERE recipient_org = :o AND topic = 'takedown.notice.escalated' AND title LIKE :ref
				AND urgent""").param("o", org("nl-hotline")).param("ref", "%" + reference + "%").query(Long.class).single())
			.isZero();
	}
}
