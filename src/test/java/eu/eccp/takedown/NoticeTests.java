package eu.eccp.takedown;

import static eu.eccp.DemoTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Notices (DSA Art. 16) and removal orders (Regulation (EU) 2021/784) go to the host's inbox on the platform or
 * by e-mail with a XARF attachment; the host answers; a removal order not acted on within the hour escalates
 * once to the host, the hosting country and the coordinators.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-takedown-notice-tests",
		"spring.mail.host=localhost", "spring.mail.port=3027", "eccp.takedown.deadline-check-interval=1s" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NoticeTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3027, null, "smtp")).withPerMethodLifecycle(false);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String confirmedItem(String first, String second, String reported, String category, String host) throws Exception {
		String id = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-reports"), first).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"" + reported + "\",\"urls\":[\"https://" + host + ".example.com/v\"]}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.items[0].itemId");
		String assessment = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments"), first)
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"" + category + "\",\"reason\":\"Explicit.\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		if (second != null) {
			mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments/" + assessment + "/confirm"), second))
				.andExpect(status().isOk());
		}
		return id;
	}

	@Test
	void aNoticeReachesTheHostsInboxAndTheHostMarksItRemoved() throws Exception {
		String nl = DemoTokens.token(mvc, "nl.hotline");
		String host = "n-" + UUID.randomUUID().toString().substring(0, 8);
		String id = confirmedItem(nl, DemoTokens.token(mvc, "nl.hotline2"), "CSAM", "CSAM_BASELINE", host);
		String notice = "{\"kind\":\"NOTICE\",\"explanation\":\"Sexual abuse of a child, baseline.\",\"goodFaith\":true}";
		// the host must be known first
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/notices"), nl).contentType(MediaType.APPLICATION_JSON)
			.content(notice)).andExpect(status().isConflict());
		mvc.perform(bearer(put("/api/v1/content-items/" + id + "/hosting"), nl).contentType(MediaType.APPLICATION_JSON)
			.content("{\"country\":\"NL\",\"hostOrganisation\":\"hosting\",\"language\":\"de\"}"))
			.andExpect(status().isOk());
		String sent = mvc.perform(bearer(post("/api/v1/content-items/" + id + "/notices"), nl).contentType(MediaType.APPLICATION_JSON)
			.content(notice))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.delivery").value("PLATFORM"))
			.andExpect(jsonPath("$.language").value("de"))
			.andExpect(jsonPath("$.body").value(Matchers.containsString("https://" + host + ".example.com/v")))
			.andExpect(jsonPath("$.body").value(Matchers.containsString("Artikel 16")))
			.andReturn().getResponse().getContentAsString();
		String noticeId = JsonPath.read(sent, "$.id");
		String xarf = JsonPath.read(sent, "$.xarf");
		assertThat((String) JsonPath.read(xarf, "$.xarf_version")).isEqualTo("4.0.0");
		assertThat((String) JsonPath.read(xarf, "$.type")).isEqualTo("csam");
		assertThat((String) JsonPath.read(xarf, "$.url")).isEqualTo("https://" + host + ".example.com/v");
		Instant sentAt = Instant.parse(JsonPath.read(sent, "$.sentAt"));
		Instant deadline = Instant.parse(JsonPath.read(sent, "$.deadlineAt"));
		assertThat(Duration.between(sentAt, deadline)).isEqualTo(Duration.ofHours(72));

		String partner = DemoTokens.token(mvc, "hosting.partner");
		mvc.perform(bearer(get("/api/v1/takedown-notices"), partner))
			.andExpect(jsonPath("$[?(@.id == '" + noticeId + "')].status").value(Matchers.contains("SENT")));
		mvc.perform(bearer(get("/api/v1/notifications"), partner))
			.andExpect(jsonPath("$.items[*].topic").value(Matchers.hasItem("takedown.notice.received")));
		// the host sees the notice, not the item's assessment; an outsider sees neither
		mvc.perform(bearer(get("/api/v1/content-items/" + id), partner)).andExpect(status().isNotFound());
		mvc.perform(bearer(get("/api/v1/takedown-notices/" + noticeId), DemoTokens.token(mvc, "isp.partner")))
			.andExpect(status().isNotFound());

		mvc.perform(bearer(post("/api/v1/takedown-notices/" + noticeId + "/acknowledge"), partner))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
		mvc.perform(bearer(post("/api/v1/takedown-notices/" + noticeId + "/refuse"), partner)
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.reason").isNotEmpty());
		mvc.perform(bearer(post("/api/v1/takedown-notices/" + noticeId + "/removed"), partner))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REMOVED"));
		mvc.perform(bearer(post("/api/v1/takedown-notices/" + noticeId + "/removed"), partner)).andExpect(status().isConflict());
		mvc.perform(bearer(get("/api/v1/content-items/" + id), nl))
			.andExpect(jsonPath("$.item.status").value("REMOVED"))
			.andExpect(jsonPath("$.item.timestamps.noticeSent").isNotEmpty())
			.andExpect(jsonPath("$.item.timestamps.acknowledged").isNotEmpty())
			.andExpect(jsonPath("$.item.timestamps.removed").isNotEmpty())
			.andExpect(jsonPath("$.timeline[*].kind").value(Matchers.hasItems("NOTICE_SENT", "HOST_ACKNOWLEDGE", "HOST_REMOVED")));
	}

	@Test
	void aHostNotOnThePlatformGetsTheNoticeByEmailWithItsXarf() throws Exception {
		String de = DemoTokens.token(mvc, "de.hotline");
		String host = "m-" + UUID.randomUUID().toString().substring(0, 8);
		String id = confirmedItem(de, null, "RACIST_XENOPHOBIC_HATE", "RACIST_XENOPHOBIC_INCITEMENT", host);
		mvc.perform(bearer(put("/api/v1/content-items/" + id + "/hosting"), de).contentType(MediaType.APPLICATION_JSON)
			.content("{\"country\":\"DE\",\"provider\":\"Kleiner Hoster\",\"abuseEmail\":\"abuse@" + host + ".example.com\",\"language\":\"fr\"}"))
			.andExpect(status().isOk());
		// not CSAM: the notifier's name and e-mail are required
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/notices"), de).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"NOTICE\",\"explanation\":\"\",\"goodFaith\":false}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.explanation").isNotEmpty())
			.andExpect(jsonPath("$.errors.notifierName").isNotEmpty())
			.andExpect(jsonPath("$.errors.notifierEmail").isNotEmpty())
			.andExpect(jsonPath("$.errors.goodFaith").isNotEmpty());
		String noticeId = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-items/" + id + "/notices"), de)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind":"NOTICE","explanation":"Volksverhetzung, StGB § 130.","notifierName":"Mia Schneider",
					 "notifierEmail":"mia@hotline.example.com","goodFaith":true}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.delivery").value("EMAIL"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(smtp.getReceivedMessages())
			.anyMatch(m -> recipient(m).equals("abuse@" + host + ".example.com")));
		MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> recipient(m).equals("abuse@" + host + ".example.com")).findFirst().orElseThrow();
		assertThat(mail.getSubject()).startsWith("Notification de contenu illicite TDN-");
		MimeMultipart parts = (MimeMultipart) mail.getContent();
		assertThat(GreenMailUtil.getBody(mail)).contains("Mia Schneider");
		boolean xarfAttached = false;
		for (int i = 0; i < parts.getCount(); i++) {
			xarfAttached |= parts.getBodyPart(i).getFileName() != null && parts.getBodyPart(i).getFileName().endsWith(".xarf.json");
		}
		assertThat(xarfAttached).isTrue();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT mail_status FROM takedown_notice WHERE id = CAST(:id AS uuid)").param("id", noticeId)
			.query(String.class).single()).isEqualTo("SENT"));
		// the hotline records the host's answer that came by e-mail
		mvc.perform(bearer(post("/api/v1/takedown-notices/" + noticeId + "/refuse"), de).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Says it is satire.\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFUSED"));
	}

	@Test
	void aRemovalOrderNotActedOnWithinTheHourEscalatesOnce() throws Exception {
		// the German national unit (a competent authority) reports terrorist content; the DE hotline handles it
		String unit = DemoTokens.token(mvc, "de.analyst");
		String host = "t-" + UUID.randomUUID().toString().substring(0, 8);
		String id = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-reports"), unit).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"TERRORIST_CONTENT\",\"urls\":[\"https://" + host + ".example.com/video\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.items[0].handledBy.shortName").value("de-hotline"))
			.andReturn().getResponse().getContentAsString(), "$.items[0].itemId");
		mvc.perform(bearer(put("/api/v1/content-items/" + id + "/hosting"), DemoTokens.token(mvc, "de.hotline"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"country\":\"DE\",\"hostOrganisation\":\"hosting-de\"}"))
			.andExpect(status().isOk());
		String order = """
				{"kind":"REMOVAL_ORDER","issuingAuthority":"Bundeskriminalamt","authorityReference":"BKA-2026-17",
				 "authorityContact":"iru@bka.example.com","reasons":"Video glorifying an attack, Art. 2(7)(a).",
				 "redress":"Objection before the administrative court within one month."}""";
		// a hotline is no competent authority
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/notices"), DemoTokens.token(mvc, "de.hotline"))
			.contentType(MediaType.APPLICATION_JSON).content(order))
			.andExpect(status().isForbidden());
		String sent = mvc.perform(bearer(post("/api/v1/content-items/" + id + "/notices"), unit)
			.contentType(MediaType.APPLICATION_JSON).content(order))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("REMOVAL_ORDER"))
			.andExpect(jsonPath("$.fields.authorityReference").value("BKA-2026-17"))
			.andExpect(jsonPath("$.body").value(Matchers.containsString("Bundeskriminalamt")))
			.andReturn().getResponse().getContentAsString();
		String noticeId = JsonPath.read(sent, "$.id");
		assertThat(Duration.between(Instant.parse(JsonPath.read(sent, "$.sentAt")), Instant.parse(JsonPath.read(sent, "$.deadlineAt"))))
			.isEqualTo(Duration.ofHours(1));
		String partner = DemoTokens.token(mvc, "hosting-de.partner");
		mvc.perform(bearer(post("/api/v1/takedown-notices/" + noticeId + "/receipt"), partner))
			.andExpect(status().isOk()).andExpect(jsonPath("$.receivedAt").isNotEmpty());

		// the hour passes without acknowledgement
		jdbc.sql("UPDATE takedown_notice SET deadline_at = now() - interval '1 second' WHERE id = CAST(:id AS uuid)")
			.param("id", noticeId).update();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT escalated_at FROM takedown_notice WHERE id = CAST(:id AS uuid)").param("id", noticeId)
			.query(java.sql.Timestamp.class).optional()).isPresent().get().isNotNull());
		mvc.perform(bearer(get("/api/v1/notifications"), DemoTokens.token(mvc, "europol.coordinator")))
			.andExpect(jsonPath("$.items[?(@.topic == 'takedown.notice.escalated')].urgent").value(Matchers.hasItem(true)));
		mvc.perform(bearer(get("/api/v1/notifications"), partner))
			.andExpect(jsonPath("$.items[?(@.topic == 'takedown.notice.escalated')].urgent").value(Matchers.hasItem(true)));
		long escalations = countEscalations(noticeId);
		// later runs do not escalate it again
		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(countEscalations(noticeId)).isEqualTo(escalations));
		assertThat(escalations).isEqualTo(1);
		mvc.perform(bearer(get("/api/v1/content-items/" + id), unit))
			.andExpect(jsonPath("$.timeline[?(@.kind == 'ESCALATED')]").value(Matchers.hasSize(1)));
	}

	long countEscalations(String noticeId) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'takedown.notice.escalated' AND object_id = :id")
			.param("id", noticeId).query(Long.class).single();
	}

	static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
