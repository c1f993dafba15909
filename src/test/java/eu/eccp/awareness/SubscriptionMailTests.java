package eu.eccp.awareness;

import static eu.eccp.DemoTokens.bearer;
import static eu.eccp.DemoTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;

import jakarta.mail.internet.MimeMessage;

/**
 * E-mail subscriptions against a real SMTP server (GreenMail): double opt-in, the advisory in the subscriber's
 * language for their country, plain text without tracking, and RFC 8058 one-click unsubscribe, after which
 * nothing more is sent.
 */
@SpringBootTest(properties = { "eccp.demo=true", "spring.mail.host=localhost", "spring.mail.port=3025",
		"eccp.public-url=https://eccp.example.eu", "eccp.awareness.mail-poll-interval=200ms" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SubscriptionMailTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

	static final Pattern CONFIRM = Pattern.compile("https://eccp\\.example\\.eu(/advisories/subscription/confirm/[A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (Exception e) {
				return false;
			}
		}).toList();
	}

	MimeMessage awaitMail(String address, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(address).size() >= count);
		return mailsTo(address).get(count - 1);
	}

	void subscribe(String address, String language, String country) throws Exception {
		mvc.perform(post("/advisories/subscription").with(csrf()).with(r -> {
			r.setRemoteAddr("192.0.2." + (1 + Math.abs(address.hashCode() % 200)));
			return r;
		}).param("email", address).param("language", language).param("country", country)).andExpect(status().isOk());
	}

	String publish(String title, List<String> countries) throws Exception {
		String author = token(mvc, "europol.coordinator");
		String body = """
				{"offence":"FRAUD_SHOPPING","countries":%s,
				 "translations":[{"language":"en","title":"%s","summary":"Shops that never deliver.","advice":"Pay by card only."},
				   {"language":"fr","title":"%s (fr)","summary":"Des boutiques qui ne livrent jamais.","advice":"Payez par carte seulement."}]}"""
			.formatted(countries.stream().map(c -> "\"" + c + "\"").toList(), title, title);
		String id = JsonPath.read(mvc.perform(bearer(post("/api/v1/advisories"), author).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/submission"), author)).andExpect(status().isOk());
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/approval"), token(mvc, "europol.coordinator2")))
			.andExpect(status().isOk());
		return id;
	}

	@Test
	void aConfirmedSubscriberGetsTheAdvisoryInTheirLanguageAndUnsubscribesInOneClick() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String address = "reader-" + run + "@example.org";
		subscribe(address, "fr", "FR");
		MimeMessage confirmation = awaitMail(address, 1);
		assertThat(confirmation.getSubject()).isEqualTo("Confirmez votre abonnement aux alertes d’ECCP");
		Matcher link = CONFIRM.matcher((String) confirmation.getContent());
		assertThat(link.find()).isTrue();

		// not confirmed yet: a publication sends nothing
		publish("Before confirming " + run, List.of("FR"));
		mvc.perform(get(link.group(1))).andExpect(status().isOk());
		mvc.perform(post(link.group(1)).with(csrf())).andExpect(status().isOk());
		mvc.perform(post(link.group(1)).with(csrf())).andExpect(status().isNotFound());

		publish("Fake shops " + run, List.of("FR", "BE"));
		publish("Only for Portugal " + run, List.of("PT"));
		MimeMessage advisory = awaitMail(address, 2);
		assertThat(advisory.getSubject()).isEqualTo("Alerte ECCP\u00a0: Fake shops " + run + " (fr)");
		String body = (String) advisory.getContent();
		assertThat(body).contains("Payez par carte seulement.").contains("https://eccp.example.eu/report?lang=fr")
			.doesNotContain("<img").doesNotContain("Before confirming");
		assertThat(advisory.getContentType()).startsWith("text/plain");
		String unsubscribe = advisory.getHeader("List-Unsubscribe")[0];
		assertThat(unsubscribe).matches("<https://eccp\\.example\\.eu/advisories/subscription/unsubscribe/[A-Za-z0-9_-]+>");
		assertThat(advisory.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

		// RFC 8058: the mail program POSTs List-Unsubscribe=One-Click, without any CSRF token
		String path = unsubscribe.substring("<https://eccp.example.eu".length(), unsubscribe.length() - 1);
		mvc.perform(post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());
		publish("After unsubscribing " + run, List.of("FR"));
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				SELECT count(*) FROM advisory_mail m JOIN advisory_subscription s ON s.id = m.subscription_id
				WHERE s.email = :email AND m.sent_at IS NULL AND m.failed_at IS NULL""").param("email", address)
			.query(Long.class).single() == 0);
		assertThat(mailsTo(address)).hasSize(2);
	}

	@Test
	void theFormAnswersTheSameForAnAddressAlreadySubscribedAndRefusesABadOne() throws Exception {
		String address = "twice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		subscribe(address, "en", "");
		MimeMessage confirmation = awaitMail(address, 1);
		Matcher link = CONFIRM.matcher((String) confirmation.getContent());
		assertThat(link.find()).isTrue();
		mvc.perform(post(link.group(1)).with(csrf())).andExpect(status().isOk());
		subscribe(address, "en", "");
		mvc.perform(post("/advisories/subscription").with(csrf()).param("email", "not an address").param("language", "en"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/advisories/subscription").with(csrf()).param("email", address).param("language", "xx"))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("SELECT count(*) FROM advisory_mail m JOIN advisory_subscription s ON s.id = m.subscription_id WHERE s.email = :e")
			.param("e", address).query(Long.class).single()).as("no second confirmation for a confirmed address").isEqualTo(1);
		mvc.perform(get("/advisories/subscription/confirm/unknown-token")).andExpect(status().isNotFound());
		mvc.perform(post("/advisories/subscription/unsubscribe/unknown-token").param("List-Unsubscribe", "One-Click"))
			.andExpect(status().isNotFound());
	}
}
