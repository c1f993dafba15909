package eu.eccp.notifications;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

import eu.eccp.notifications.internal.WebhookWorker;
import eu.eccp.shared.OrganisationId;

import eu.eccp.DemoTokens;

/**
 * Signed webhooks as an ISP's ticketing system sees them: a real HTTP receiver (the JDK's server) checks
 * the signature with the secret it was given once; failures are retried with backoff and logged per attempt.
 */
@SpringBootTest(properties = { "eccp.demo=true", "spring.mail.host=localhost", "spring.mail.port=3125",
		"eccp.public-url=https://eccp.example.eu", "eccp.notifications.webhooks.allow-http=true",
		"eccp.notifications.webhooks.allow-private-addresses=true",
		"eccp.notifications.webhooks.base-delay=10ms", "eccp.notifications.webhooks.max-delay=100ms",
		"eccp.notifications.webhooks.max-attempts=4", "eccp.notifications.webhooks.poll-interval=PT1H" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WebhookTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	@Autowired
	WebhookWorker worker;

	HttpServer receiver;

	/** What the receiver got: headers of interest and the raw body. */
	record Received(String event, String delivery, String timestamp, String signature, String body) {
	}

	final List<Received> received = new CopyOnWriteArrayList<>();

	/** Status codes the receiver answers with, in turn; 200 once they are used up. */
	final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			received.add(new Received(exchange.getRequestHeaders().getFirst("X-ECCP-Event"),
					exchange.getRequestHeaders().getFirst("X-ECCP-Delivery"),
					exchange.getRequestHeaders().getFirst("X-ECCP-Timestamp"),
					exchange.getRequestHeaders().getFirst("X-ECCP-Signature"), new String(body, StandardCharsets.UTF_8)));
			Integer answer = answers.poll();
			exchange.sendResponseHeaders(answer == null ? 200 : answer, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
	}

	String hookUrl() {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
	}

	String token(String username) throws Exception {
		return DemoTokens.token(mvc, username);
	}

	MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
		return DemoTokens.bearer(request, token);
	}

	OrganisationId fr() {
		return new OrganisationId(jdbc.sql("SELECT organisation_id FROM app_user WHERE username = 'fr.admin'").query(UUID.class)
			.single());
	}

	/** Registers an endpoint for one topic as fr.admin; returns {id, secret}. */
	Map<String, String> register(String admin, String topic) throws Exception {
		String created = mvc.perform(as(post("/api/v1/webhooks"), admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"" + hookUrl() + "\",\"topics\":[\"" + topic + "\"]}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return Map.of("id", JsonPath.read(created, "$.endpoint.id"), "secret", JsonPath.read(created, "$.secret"));
	}

	String noticeId(String title) {
		return jdbc.sql("SELECT id FROM notice WHERE title = :t").param("t", title).query(UUID.class).single().toString();
	}

	static String hmacHex(String secret, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** What a receiver does: recompute the HMAC over "timestamp.body" and compare in constant time. */
	static boolean verifies(Received delivery, String secret) throws Exception {
		String expected = "sha256=" + hmacHex(secret, delivery.timestamp() + "." + delivery.body());
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				delivery.signature().getBytes(StandardCharsets.UTF_8));
	}

	void awaitReceived(int count) {
		await(count + " deliveries received").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
			.until(() -> received.size() >= count);
	}

	/** Drives the worker (instead of waiting for its schedule) until the delivery is settled. */
	Map<String, Object> driveUntilSettled(String admin, String endpointId) {
		List<Map<String, Object>> items = await("delivery settled").atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(15)).until(() -> {
				worker.runDue();
				return JsonPath.<List<Map<String, Object>>>read(mvc.perform(as(get("/api/v1/webhooks/" + endpointId
					+ "/deliveries"), admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.items");
			}, found -> !found.isEmpty() && !"PENDING".equals(found.get(0).get("status")));
		return items.get(0);
	}

	@Test
	void signsEachDeliveryWithTheEndpointSecret() throws Exception {
		String admin = token("fr.admin");
		Map<String, String> endpoint = register(admin, "test.signed");
		assertThat(endpoint.get("secret")).startsWith("whsec_").hasSize(70);
		String title = "Preservation request received " + UUID.randomUUID();
		notifications.send(Notice.to(fr(), "test.signed", title, "/requests/77").urgently().with("requestId", "77"));
		awaitReceived(1);

		Received delivery = received.get(0);
		assertThat(delivery.event()).isEqualTo("test.signed");
		assertThat(Long.parseLong(delivery.timestamp())).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
		assertThat(verifies(delivery, endpoint.get("secret"))).isTrue();
		assertThat(verifies(delivery, "whsec_not-the-secret")).isFalse();
		assertThat((String) JsonPath.read(delivery.body(), "$.id")).isEqualTo(noticeId(title));
		assertThat((String) JsonPath.read(delivery.body(), "$.topic")).isEqualTo("test.signed");
		assertThat((String) JsonPath.read(delivery.body(), "$.title")).isEqualTo(title);
		assertThat((String) JsonPath.read(delivery.body(), "$.link")).isEqualTo("https://eccp.example.eu/requests/77");
		assertThat((Boolean) JsonPath.read(delivery.body(), "$.urgent")).isTrue();
		assertThat((String) JsonPath.read(delivery.body(), "$.data.requestId")).isEqualTo("77");
		assertThat((String) JsonPath.read(delivery.body(), "$.createdAt")).isNotBlank();

		Map<String, Object> logged = driveUntilSettled(admin, endpoint.get("id"));
		assertThat(logged).containsEntry("status", "SUCCEEDED").containsEntry("id", delivery.delivery());
		assertThat((List<?>) logged.get("attempts")).hasSize(1);

		// a rotated secret signs the next delivery; the old one no longer verifies
		String rotated = JsonPath.read(mvc.perform(as(post("/api/v1/webhooks/" + endpoint.get("id") + "/rotate-secret"), admin))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.secret");
		assertThat(rotated).isNotEqualTo(endpoint.get("secret"));
		notifications.send(Notice.to(fr(), "test.signed", "Second " + title, "/requests/78"));
		awaitReceived(2);
		assertThat(verifies(received.get(1), rotated)).isTrue();
		assertThat(verifies(received.get(1), endpoint.get("secret"))).isFalse();
		assertThat(mvc.perform(as(get("/api/v1/webhooks/" + endpoint.get("id")), admin)).andReturn().getResponse()
			.getContentAsString()).doesNotContain(rotated).doesNotContain("secret\"");
	}

	@Test
	void retriesWithBackoffUntilTheReceiverAcceptsAndLogsEveryAttempt() throws Exception {
		answers.add(500);
		answers.add(500);
		String admin = token("fr.admin");
		Map<String, String> endpoint = register(admin, "test.retry");
		notifications.send(Notice.to(fr(), "test.retry", "Request escalated " + UUID.randomUUID(), "/requests/5").urgently());

		Map<String, Object> delivery = driveUntilSettled(admin, endpoint.get("id"));
		assertThat(delivery).containsEntry("status", "SUCCEEDED").containsEntry("attemptCount", 3);
		List<Map<String, Object>> attempts = (List<Map<String, Object>>) delivery.get("attempts");
		assertThat(attempts).extracting(a -> a.get("statusCode")).containsExactly(500, 500, 200);
		assertThat(attempts).extracting(a -> a.get("succeeded")).containsExactly(false, false, true);
		assertThat(attempts.get(0)).containsKey("nextAttemptAt").containsEntry("error", "HTTP 500");
		assertThat(attempts.get(2)).doesNotContainKey("nextAttemptAt");
		assertThat(received).hasSize(3).extracting(Received::delivery).containsOnly((String) delivery.get("id"));
		for (Received attempt : received) {
			assertThat(verifies(attempt, endpoint.get("secret"))).isTrue();
		}
	}

	@Test
	void givesUpAfterTheLastAttemptAndCanBeSentAgain() throws Exception {
		for (int i = 0; i < 4; i++) {
			answers.add(503);
		}
		String admin = token("fr.admin");
		Map<String, String> endpoint = register(admin, "test.giveup");
		notifications.send(Notice.to(fr(), "test.giveup", "Request expiring " + UUID.randomUUID(), "/requests/6"));

		Map<String, Object> failed = driveUntilSettled(admin, endpoint.get("id"));
		assertThat(failed).containsEntry("status", "FAILED").containsEntry("attemptCount", 4).doesNotContainKey("nextAttemptAt");
		assertThat((List<?>) failed.get("attempts")).hasSize(4);
		assertThat(received).hasSize(4);

		mvc.perform(as(post("/api/v1/webhooks/deliveries/" + failed.get("id") + "/retry"), token("admin")))
			.andExpect(status().isNotFound());
		mvc.perform(as(post("/api/v1/webhooks/deliveries/" + failed.get("id") + "/retry"), admin)).andExpect(status().isOk());
		Map<String, Object> resent = driveUntilSettled(admin, endpoint.get("id"));
		assertThat(resent).containsEntry("status", "SUCCEEDED");
		assertThat((List<?>) resent.get("attempts")).hasSize(5);
	}

	@Test
	void webhookSettingsAreVisibleOnlyToTheOrganisationsOwnAdmins() throws Exception {
		String admin = token("fr.admin");
		String id = register(admin, "test.private").get("id");
		String operator = token("admin");
		String analyst = token("fr.analyst");
		for (String other : List.of(operator, analyst)) {
			mvc.perform(as(get("/api/v1/webhooks/" + id), other)).andExpect(status().isNotFound());
			mvc.perform(as(get("/api/v1/webhooks/" + id + "/deliveries"), other)).andExpect(status().isNotFound());
			mvc.perform(as(post("/api/v1/webhooks/" + id + "/rotate-secret"), other)).andExpect(status().isNotFound());
			mvc.perform(as(delete("/api/v1/webhooks/" + id), other)).andExpect(status().isNotFound());
		}
		assertThat(mvc.perform(as(get("/api/v1/webhooks"), operator)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).doesNotContain(id);
		mvc.perform(as(get("/api/v1/webhooks"), analyst)).andExpect(status().isForbidden());
		mvc.perform(as(post("/api/v1/webhooks"), analyst).contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"https://tickets.example.net/eccp\"}")).andExpect(status().isForbidden());
		mvc.perform(as(get("/api/v1/webhooks"), admin)).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].url").value(hookUrl()));
		mvc.perform(as(delete("/api/v1/webhooks/" + id), admin)).andExpect(status().isNoContent());
		mvc.perform(as(get("/api/v1/webhooks/" + id), admin)).andExpect(status().isNotFound());
	}

	@Test
	void refusesUrlsThatAreNotHttpOrCarryCredentialsWithProblemDetails() throws Exception {
		String admin = token("fr.admin");
		for (String url : List.of("ftp://files.example.net/x", "not a url", "/relative/path", "https://user:pass@tickets.example.net/x",
				"https://tickets.example.net/x#fragment", "")) {
			mvc.perform(as(post("/api/v1/webhooks"), admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"" + url + "\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.url").isNotEmpty());
		}
		mvc.perform(as(post("/api/v1/webhooks"), admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"https://tickets.example.net/x\",\"topics\":[\"Bad Topic\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.topics").isNotEmpty());
	}

	@Test
	void anAdminManagesEndpointsOnTheSettingsPageAndSeesTheSecretOnce() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("fr.admin").password("demo"))
			.andReturn().getRequest().getSession();
		String settings = mvc.perform(get("/settings/notifications").session(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(settings).contains("X-ECCP-Signature").contains("id=\"add-webhook\"");

		mvc.perform(post("/settings/notifications/webhooks").session(session).with(csrf()).param("url", "https://user:pw@tickets.example.net/")
			.param("topics", "test.page")).andExpect(status().isUnprocessableContent());
		String created = mvc.perform(post("/settings/notifications/webhooks").session(session).with(csrf()).param("url", hookUrl())
			.param("topics", "test.page").param("active", "true")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String secret = created.replaceAll("(?s).*<code id=\"webhook-secret\">([^<]+)</code>.*", "$1");
		assertThat(secret).startsWith("whsec_");
		String again = mvc.perform(get("/settings/notifications").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(again).contains(hookUrl()).doesNotContain(secret);

		notifications.send(Notice.to(fr(), "test.page", "Shown in the log " + UUID.randomUUID(), "/cases/3"));
		awaitReceived(1);
		assertThat(verifies(received.get(0), secret)).isTrue();
		String id = JsonPath.<List<String>>read(mvc.perform(as(get("/api/v1/webhooks"), token("fr.admin"))).andReturn().getResponse()
			.getContentAsString(), "$[?(@.url == '" + hookUrl() + "')].id").get(0);
		driveUntilSettled(token("fr.admin"), id);
		String log = mvc.perform(get("/settings/notifications/webhooks/" + id).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(log).contains("HTTP 200").contains(received.get(0).delivery());
		mvc.perform(get("/settings/notifications/webhooks/" + id).param("lang", "de").session(session)).andExpect(status().isOk());

		MockHttpSession analyst = (MockHttpSession) mvc.perform(formLogin("/login").user("fr.analyst").password("demo"))
			.andReturn().getRequest().getSession();
		mvc.perform(get("/settings/notifications/webhooks/" + id).session(analyst)).andExpect(status().isNotFound());
	}
}
