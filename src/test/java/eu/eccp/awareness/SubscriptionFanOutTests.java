package eu.eccp.awareness;

import static eu.eccp.DemoTokens.bearer;
import static eu.eccp.DemoTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;

import jakarta.mail.internet.MimeMessage;

/**
 * Two thousand people subscribe and confirm through the real HTTP path; one publication reaches each of them
 * exactly once, through the outbox's leased batches, and nobody subscribed for another country.
 */
@SpringBootTest(properties = { "eccp.demo=true", "spring.mail.host=localhost", "spring.mail.port=3025",
		"eccp.awareness.mail-poll-interval=100ms", "eccp.awareness.mail-batch=200" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SubscriptionFanOutTests {

	static final int SUBSCRIBERS = 2000;

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

	static final Pattern CONFIRM = Pattern.compile("(/advisories/subscription/confirm/[A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Test
	void aPublicationReachesTwoThousandConfirmedSubscribersOnceEach() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < SUBSCRIBERS; i++) {
			int n = i;
			mvc.perform(post("/advisories/subscription").with(csrf()).with(r -> {
				r.setRemoteAddr("10.0." + (n / 250) + "." + (n % 250));
				return r;
			}).param("email", "fan-" + run + "-" + n + "@example.org").param("language", n % 2 == 0 ? "en" : "fr")
				.param("country", n % 10 == 0 ? "PT" : "FR")).andExpect(status().isOk());
		}
		// one who did not confirm
		mvc.perform(post("/advisories/subscription").with(csrf()).param("email", "unconfirmed-" + run + "@example.org")
			.param("language", "en").param("country", "FR")).andExpect(status().isOk());
		await().atMost(Duration.ofMinutes(3)).until(() -> mailsContaining("fan-" + run).size() == SUBSCRIBERS);
		for (MimeMessage confirmation : mailsContaining("fan-" + run).values()) {
			Matcher link = CONFIRM.matcher((String) confirmation.getContent());
			assertThat(link.find()).isTrue();
			mvc.perform(post(link.group(1)).with(csrf())).andExpect(status().isOk());
		}

		String author = token(mvc, "europol.coordinator");
		String id = JsonPath.read(mvc.perform(bearer(post("/api/v1/advisories"), author).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"offence":"FRAUD_INVESTMENT","countries":["FR"],
					 "translations":[{"language":"en","title":"Crypto investment ads %1$s","summary":"Fake ads.","advice":"Do not invest."},
					   {"language":"fr","title":"Publicités d’investissement %1$s","summary":"Fausses publicités.","advice":"N’investissez pas."}]}"""
				.formatted(run))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/submission"), author)).andExpect(status().isOk());
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/approval"), token(mvc, "europol.coordinator2")))
			.andExpect(status().isOk());

		int expected = SUBSCRIBERS - SUBSCRIBERS / 10;
		await().atMost(Duration.ofMinutes(3)).until(() -> advisoryMails(run).size() >= expected);
		Map<String, Long> perRecipient = advisoryMails(run).stream().collect(Collectors.groupingBy(this::recipient,
				Collectors.counting()));
		assertThat(perRecipient).hasSize(expected).allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1L));
		Set<String> recipients = perRecipient.keySet();
		assertThat(recipients).noneMatch(to -> to.startsWith("unconfirmed-"))
			.noneMatch(to -> Integer.parseInt(to.substring(("fan-" + run + "-").length(), to.indexOf('@'))) % 10 == 0);
	}

	private Map<String, MimeMessage> mailsContaining(String marker) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).contains(marker))
			.filter(m -> {
				try {
					return m.getSubject().contains("ECCP") && !m.getSubject().contains("Crypto")
							&& !m.getSubject().contains("Publicités");
				}
				catch (Exception e) {
					return false;
				}
			})
			.collect(Collectors.toMap(this::recipient, m -> m, (a, b) -> a));
	}

	private java.util.List<MimeMessage> advisoryMails(String run) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject().contains(run);
			}
			catch (Exception e) {
				return false;
			}
		}).toList();
	}

	private String recipient(MimeMessage m) {
		try {
			return m.getAllRecipients()[0].toString();
		}
		catch (Exception e) {
			return "";
		}
	}
}
