package eu.eccp.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;
import jakarta.mail.internet.MimeMessage;

import eu.eccp.DemoTokens;

/**
 * The in-app inbox (who sees which notice, read state per person), e-mail to a real SMTP server (GreenMail)
 * and the notice of a cross-border hit. Same context options as {@code WebhookTests}, so one context serves both.
 */
@SpringBootTest(properties = { "eccp.demo=true", "spring.mail.host=localhost", "spring.mail.port=3125",
		"eccp.public-url=https://eccp.example.eu", "eccp.notifications.webhooks.allow-http=true",
		"eccp.notifications.webhooks.allow-private-addresses=true",
		"eccp.notifications.webhooks.base-delay=10ms", "eccp.notifications.webhooks.max-delay=100ms",
		"eccp.notifications.webhooks.max-attempts=4", "eccp.notifications.webhooks.poll-interval=PT1H" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NotificationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3125, null, "smtp")).withPerMethodLifecycle(false);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	String token(String username) throws Exception {
		return DemoTokens.token(mvc, username);
	}

	MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
		return DemoTokens.bearer(request, token);
	}

	OrganisationId organisationOf(String username) {
		return new OrganisationId(jdbc.sql("SELECT organisation_id FROM app_user WHERE username = :u").param("u", username)
			.query(UUID.class).single());
	}

	UserId user(String username) {
		return new UserId(jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(UUID.class).single());
	}

	String noticeId(String title) {
		return jdbc.sql("SELECT id FROM notice WHERE title = :t").param("t", title).query(UUID.class).single().toString();
	}

	List<String> titles(String token, boolean unreadOnly) throws Exception {
		String body = mvc.perform(as(get("/api/v1/notifications").param("unread", String.valueOf(unreadOnly)).param("size", "500"),
				token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.items[*].title");
	}

	long unread(String token) throws Exception {
		return ((Number) JsonPath.read(mvc.perform(as(get("/api/v1/notifications/unread-count"), token)).andReturn().getResponse()
			.getContentAsString(), "$.unread")).longValue();
	}

	static String unique(String title) {
		return title + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aPersonalNoticeIsSeenOnlyByItsAddresseeAndNoOtherOrganisationSeesAny() throws Exception {
		String orgWide = unique("Case invitation");
		String personal = unique("Task assigned to you");
		String german = unique("German case invitation");
		notifications.send(Notice.to(organisationOf("fr.analyst"), "case.invitation", orgWide, "/cases/1"));
		notifications.send(Notice.to(organisationOf("fr.analyst"), "case.task", personal, "/cases/1").forPerson(user("fr.analyst")));
		notifications.send(Notice.to(organisationOf("de.analyst"), "case.invitation", german, "/cases/2"));

		String analyst = token("fr.analyst");
		String admin = token("fr.admin");
		String de = token("de.analyst");
		String operator = token("admin");
		assertThat(titles(analyst, false)).contains(orgWide, personal).doesNotContain(german);
		assertThat(titles(admin, false)).contains(orgWide).doesNotContain(personal, german);
		assertThat(titles(de, false)).contains(german).doesNotContain(orgWide, personal);
		assertThat(titles(operator, false)).doesNotContain(orgWide, personal, german);

		mvc.perform(as(post("/api/v1/notifications/" + noticeId(personal) + "/read"), admin)).andExpect(status().isNotFound());
		mvc.perform(as(post("/api/v1/notifications/" + noticeId(orgWide) + "/read"), de)).andExpect(status().isNotFound());
		mvc.perform(as(post("/api/v1/notifications/" + noticeId(orgWide) + "/read"), operator)).andExpect(status().isNotFound());
	}

	@Test
	void readStateIsKeptPerPerson() throws Exception {
		String first = unique("Request acknowledged");
		String second = unique("Request fulfilled");
		OrganisationId fr = organisationOf("fr.analyst");
		notifications.send(Notice.to(fr, "request.acknowledged", first, "/requests/1"));
		notifications.send(Notice.to(fr, "request.fulfilled", second, "/requests/1"));
		String analyst = token("fr.analyst");
		String admin = token("fr.admin");
		long adminUnread = unread(admin);
		long analystUnread = unread(analyst);

		mvc.perform(as(post("/api/v1/notifications/" + noticeId(first) + "/read"), analyst)).andExpect(status().isNoContent());
		mvc.perform(as(post("/api/v1/notifications/" + noticeId(first) + "/read"), analyst)).andExpect(status().isNoContent());
		assertThat(unread(analyst)).isEqualTo(analystUnread - 1);
		assertThat(unread(admin)).isEqualTo(adminUnread);
		assertThat(titles(analyst, true)).contains(second).doesNotContain(first);
		assertThat(titles(admin, true)).contains(first, second);

		mvc.perform(as(post("/api/v1/notifications/read-all"), analyst)).andExpect(status().isOk())
			.andExpect(jsonPath("$.marked").value((int) analystUnread - 1));
		assertThat(unread(analyst)).isZero();
		assertThat(titles(analyst, true)).isEmpty();
		assertThat(titles(analyst, false)).contains(first, second);
		assertThat(unread(admin)).isEqualTo(adminUnread);
	}

	@Test
	void unreadUrgentNoticesComeFirst() throws Exception {
		String urgent = unique("Emergency request received");
		String ordinary = unique("Case note added");
		OrganisationId nl = organisationOf("nl.analyst");
		notifications.send(Notice.to(nl, "request.received", urgent, "/requests/9").urgently());
		notifications.send(Notice.to(nl, "case.note", ordinary, "/cases/9"));
		List<String> titles = titles(token("nl.analyst"), false);
		assertThat(titles.indexOf(urgent)).isNotNegative().isLessThan(titles.indexOf(ordinary));
	}

	@Test
	void theInboxPageListsNoticesAndTheNavigationCountsTheUnreadOnes() throws Exception {
		String title = unique("Access request granted");
		notifications.send(Notice.to(organisationOf("hotline.analyst"), "access.granted", title, "/access-requests"));
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("hotline.analyst").password("demo"))
			.andReturn().getRequest().getSession();
		String page = mvc.perform(get("/notifications").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains(title).contains("id=\"unread-notices\"");
		mvc.perform(get("/notifications/" + noticeId(title)).session(session)).andExpect(status().is3xxRedirection())
			.andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/access-requests"));
		String french = mvc.perform(get("/notifications").param("lang", "fr").session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(french).contains("Tout marquer comme lu");
	}

	@Test
	void mailsNoticesToTheOrganisationsAddressesWithTheLinkButNoContent() throws Exception {
		String admin = token("fr.admin");
		mvc.perform(as(put("/api/v1/notification-settings"), admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"mailAddresses\":[\"desk@fr-unit.example\"],\"mailTopics\":[\"test.mail\"]}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.mailAddresses[0]").value("desk@fr-unit.example"));
		OrganisationId fr = organisationOf("fr.admin");
		String mailed = unique("You are invited to a case");
		String notMailed = unique("Something minor");
		String urgent = unique("Preservation expiring");
		notifications.send(Notice.to(fr, "test.mail", mailed, "/cases/42").with("victim", "Jean Dupont"));
		notifications.send(Notice.to(fr, "test.other", notMailed, "/cases/43"));
		notifications.send(Notice.to(fr, "test.other", urgent, "/requests/44").urgently());

		MimeMessage invitation = awaitMail(mailed);
		assertThat(invitation.getAllRecipients()).extracting(Object::toString).containsExactly("desk@fr-unit.example");
		assertThat(invitation.getSubject()).isEqualTo("[ECCP] " + mailed);
		assertThat(GreenMailUtil.getBody(invitation)).contains("https://eccp.example.eu/cases/42").doesNotContain("Jean Dupont");
		assertThat(awaitMail(urgent).getSubject()).isEqualTo("[ECCP] URGENT: " + urgent);
		UUID minor = jdbc.sql("SELECT id FROM notice WHERE topic = 'test.other' AND link = '/cases/43' ORDER BY created_at DESC LIMIT 1")
			.query(UUID.class).single();
		await("mail delivery decided on the minor notice").atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE listener_id LIKE '%MailDelivery%' AND serialized_event LIKE :id AND completion_date IS NOT NULL""")
			.param("id", "%" + minor + "%").query(Long.class).single() == 1);
		assertThat(Arrays.stream(smtp.getReceivedMessages()).map(NotificationTests::subject)).noneMatch(s -> s.contains(notMailed));

		String log = mvc.perform(as(get("/api/v1/notification-settings/mail-log"), admin)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		List<Map<String, Object>> sent = JsonPath.read(log, "$[?(@.noticeId == '" + noticeId(mailed) + "')]");
		assertThat(sent).singleElement().satisfies(entry -> assertThat(entry).containsEntry("succeeded", true)
			.containsEntry("recipient", "desk@fr-unit.example"));
	}

	@Test
	void aNoticeForAPersonIsMailedToThatPerson() throws Exception {
		jdbc.sql("UPDATE app_user SET email = 'camille.martin@fr-unit.example' WHERE username = 'fr.analyst'").update();
		String title = unique("Task assigned to you");
		notifications.send(Notice.to(organisationOf("fr.analyst"), "test.mail", title, "/cases/7").forPerson(user("fr.analyst")));
		assertThat(awaitMail(title).getAllRecipients()).extracting(Object::toString)
			.containsExactly("camille.martin@fr-unit.example");
	}

	@Test
	void mailSettingsAreForAdminsAndRefuseBadAddresses() throws Exception {
		mvc.perform(as(get("/api/v1/notification-settings"), token("fr.analyst"))).andExpect(status().isForbidden());
		mvc.perform(as(put("/api/v1/notification-settings"), token("fr.admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"mailAddresses\":[\"not an address\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.mailAddresses").isNotEmpty());
		mvc.perform(as(put("/api/v1/notification-settings"), token("fr.admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"mailAddresses\":[],\"mailTopics\":[\"Not A Topic!\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.mailTopics").isNotEmpty());
	}

	@Test
	void aCrossBorderHitIsNotifiedWithItsLinkButNoContent() throws Exception {
		String domain = "notify-" + UUID.randomUUID().toString().substring(0, 8) + ".parcel-fees.com";
		String url = "https://" + domain + "/pay";
		report("FR", url, "Faux colis à payer", "192.0.2.161");
		report("DE", url, "Gefälschte Paketgebühr", "192.0.2.162");
		String fr = token("fr.analyst");
		String hitId = await("a hit on " + url).atMost(Duration.ofSeconds(30)).until(() -> JsonPath.<List<String>>read(mvc
			.perform(as(get("/api/v1/hits?size=500"), fr)).andReturn().getResponse().getContentAsString(),
				"$.items[?(@.indicatorValue == '" + url + "')].id"), ids -> !ids.isEmpty()).get(0);
		List<Map<String, Object>> notices = await("the hit's notice").atMost(Duration.ofSeconds(30)).until(() -> JsonPath
			.<List<Map<String, Object>>>read(mvc.perform(as(get("/api/v1/notifications?size=500"), fr)).andReturn().getResponse()
				.getContentAsString(), "$.items[?(@.data.hitId == '" + hitId + "')]"), found -> !found.isEmpty());
		String expectedLink = "/hits/" + hitId;
		assertThat(notices).singleElement().satisfies(notice -> {
			assertThat(notice).containsEntry("topic", "hit.found").containsEntry("title", "New cross-border hit")
				.containsEntry("link", expectedLink);
			assertThat(notice.toString()).doesNotContain(domain).doesNotContain("colis");
		});
	}

	void report(String country, String url, String text, String client) throws Exception {
		String body = """
				{"offence":"PHISHING","victimCountries":["%s"],"description":"%s %s"}""".formatted(country, text, url);
		mvc.perform(post("/api/v1/public/reports").with(r -> {
			r.setRemoteAddr(client);
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
	}

	MimeMessage awaitMail(String subjectPart) {
		return await("an e-mail about " + subjectPart).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
			.until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(subjectPart)).findFirst(),
					Optional::isPresent).orElseThrow();
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
