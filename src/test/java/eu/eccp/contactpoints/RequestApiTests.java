package eu.eccp.contactpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.contactpoints.internal.DeadlineWatch;

import eu.eccp.DemoTokens;

/**
 * Urgent requests over the API: every transition of the lifecycle and every illegal one, need-to-know
 * between the two organisations, identifier validation, escalation of an overdue acknowledgement, and the
 * preservation's extension and expiry reminders.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-request-api-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RequestApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeadlineWatch watch;

	String token(String username) throws Exception {
		return DemoTokens.token(mvc, username);
	}

	MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
		return DemoTokens.bearer(request, token);
	}

	UUID org(String shortName) {
		return jdbc.sql("SELECT id FROM organisation WHERE short_name = :s").param("s", shortName).query(UUID.class).single();
	}

	static String preservation(String recipient) {
		return """
				{"recipient":"%s","kind":"PRESERVATION","urgent":true,
				 "requestingAuthority":"Paris public prosecutor, cyber crime section J3",
				 "offence":"Fraud (Code pénal art. 313-1)","facts":"Phishing campaign against bank customers",
				 "dataSought":"Subscriber and connection logs of the IP address below",
				 "relationToOffence":"The phishing kit was uploaded from this address",
				 "custodian":"Demo ISP, Frankfurt data centre","necessity":"Logs are deleted after 7 days",
				 "mlaFollowUp":true,
				 "identifiers":[{"type":"IP_ADDRESS","value":"198.51.100.23","observedAt":"2026-11-28T14:30:00","timeZone":"Europe/Paris"},
				                {"type":"URL","value":"hxxps://bank-login[.]example.com/kit.zip"},
				                {"type":"ACCOUNT","value":"phisher42","service":"Demo ISP webmail"}]}"""
			.formatted(recipient);
	}

	static String emergency(String recipient) {
		return """
				{"recipient":"%s","kind":"EMERGENCY","requestingAuthority":"FR national unit duty officer",
				 "offence":"Threat to kill","facts":"A person announced a suicide live on a stream",
				 "dataSought":"Subscriber data and location of the account",
				 "threatToLife":"The person said they would act within the hour",
				 "identifiers":[{"type":"EMAIL","value":"streamer@example.org"},{"type":"PHONE","value":"+33 6 12 34 56 78"}]}"""
			.formatted(recipient);
	}

	String send(String token, String body) throws Exception {
		return JsonPath.read(mvc.perform(as(post("/api/v1/requests"), token).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
	}

	ResultActions act(String token, String id, String action) throws Exception {
		return mvc.perform(as(post("/api/v1/requests/" + id + "/" + action), token));
	}

	ResultActions act(String token, String id, String action, String json) throws Exception {
		return mvc.perform(as(post("/api/v1/requests/" + id + "/" + action), token).contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	List<Map<String, Object>> notices(String topic, String requestId) {
		return jdbc.sql("""
				SELECT n.recipient_org, n.recipient_user, n.urgent, n.title, o.short_name FROM notice n
				JOIN organisation o ON o.id = n.recipient_org
				WHERE n.topic = :topic AND n.data ->> 'requestId' = :id ORDER BY n.created_at""")
			.param("topic", topic).param("id", requestId).query().listOfRows();
	}

	@Test
	void takesAPreservationRequestFromSentToFulfilledAndTellsTheOtherPartyEachTime() throws Exception {
		String fr = token("fr.analyst");
		String isp = token("isp.partner");
		String id = send(fr, preservation(org("isp").toString()));

		String sent = mvc.perform(as(get("/api/v1/requests/" + id), fr)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SENT")).andExpect(jsonPath("$.direction").value("OUTGOING"))
			.andExpect(jsonPath("$.urgent").value(true)).andExpect(jsonPath("$.actions[0]").value("WITHDRAW"))
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(sent, "$.reference")).matches("REQ-\\d{4}-\\d{6}");
		assertThat(JsonPath.<List<String>>read(sent, "$.identifiers[*].value"))
			.containsExactly("198.51.100.23", "https://bank-login.example.com/kit.zip", "phisher42");
		assertThat(JsonPath.<String>read(sent, "$.identifiers[0].observedAt")).isEqualTo("2026-11-28T13:30:00Z");
		Instant sentAt = Instant.parse(JsonPath.read(sent, "$.sentAt"));
		assertThat(Instant.parse(JsonPath.read(sent, "$.acknowledgeDue"))).isEqualTo(sentAt.plus(Duration.ofHours(4)));

		List<Map<String, Object>> received = notices("request.received", id);
		assertThat(received).hasSize(1);
		assertThat(received.get(0)).containsEntry("short_name", "isp").containsEntry("urgent", true);
		assertThat((String) received.get(0).get("title")).contains("Expedited preservation REQ-", "France National Cyber Crime Unit")
			.doesNotContain("Phishing", "phisher42", "198.51.100.23");

		mvc.perform(as(get("/api/v1/requests/" + id), isp)).andExpect(status().isOk())
			.andExpect(jsonPath("$.direction").value("INCOMING"))
			.andExpect(jsonPath("$.actions").value(org.hamcrest.Matchers.contains("ACKNOWLEDGE", "REFUSE")));
		String acknowledged = act(isp, id, "acknowledge").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACKNOWLEDGED")).andReturn().getResponse().getContentAsString();
		Instant ackAt = Instant.parse(JsonPath.read(acknowledged, "$.acknowledgedAt"));
		assertThat(Instant.parse(JsonPath.read(acknowledged, "$.preservedUntil"))).isEqualTo(ackAt.plus(Duration.ofDays(90)));
		act(isp, id, "start").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
		String fulfilled = act(isp, id, "fulfil", "{\"note\":\"Logs preserved under our ticket 4711\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FULFILLED")).andReturn().getResponse().getContentAsString();
		Instant closedAt = Instant.parse(JsonPath.read(fulfilled, "$.closedAt"));
		assertThat(Instant.parse(JsonPath.read(fulfilled, "$.preservedUntil"))).isEqualTo(closedAt.plus(Duration.ofDays(90)));

		mvc.perform(as(get("/api/v1/requests/" + id), fr)).andExpect(jsonPath("$.status").value("FULFILLED"))
			.andExpect(jsonPath("$.outcomeNote").value("Logs preserved under our ticket 4711"))
			.andExpect(jsonPath("$.actions").value(org.hamcrest.Matchers.contains("EXTEND")));
		for (String topic : List.of("request.acknowledged", "request.started", "request.fulfilled")) {
			assertThat(notices(topic, id)).as(topic).singleElement().satisfies(n -> assertThat(n).containsEntry("short_name", "fr-unit"));
		}
		String outgoing = mvc.perform(as(get("/api/v1/requests").param("direction", "outgoing"), fr)).andReturn().getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(outgoing, "$.outgoing[*].id")).contains(id);
		String incoming = mvc.perform(as(get("/api/v1/requests"), isp)).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(incoming, "$.incoming[*].id")).contains(id);
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE object_id = :id ORDER BY seq").param("id", id)
			.query(String.class).list()).contains("request.sent", "request.viewed", "request.acknowledged", "request.started",
					"request.fulfilled");
	}

	@Test
	void recordsAPartialFulfilmentAndARefusalWithItsReason() throws Exception {
		String fr = token("fr.analyst");
		String isp = token("isp.partner");
		String partial = send(fr, preservation("isp"));
		act(isp, partial, "acknowledge").andExpect(status().isOk());
		act(isp, partial, "fulfil", "{\"partial\":true,\"note\":\"Only 3 of 7 days of logs still existed\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PARTIALLY_FULFILLED"));
		assertThat(notices("request.partially_fulfilled", partial)).hasSize(1);

		String refused = send(fr, preservation("isp"));
		act(isp, refused, "refuse").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.reason").exists());
		act(isp, refused, "refuse", "{\"reason\":\"  \"}").andExpect(status().isUnprocessableContent());
		act(isp, refused, "refuse", "{\"reason\":\"We are not the provider of this address range\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REFUSED"))
			.andExpect(jsonPath("$.refusalReason").value("We are not the provider of this address range"));
		mvc.perform(as(get("/api/v1/requests/" + refused), fr)).andExpect(jsonPath("$.status").value("REFUSED"))
			.andExpect(jsonPath("$.actions").isEmpty());
		assertThat(notices("request.refused", refused)).singleElement()
			.satisfies(n -> assertThat(n).containsEntry("short_name", "fr-unit"));
	}

	@Test
	void letsTheRequesterWithdrawAnOpenRequest() throws Exception {
		String fr = token("fr.analyst");
		String id = send(fr, preservation("isp"));
		act(fr, id, "withdraw").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andExpect(jsonPath("$.closedAt").exists());
		assertThat(notices("request.withdrawn", id)).singleElement()
			.satisfies(n -> assertThat(n).containsEntry("short_name", "isp"));
	}

	@Test
	void rejectsAcknowledgingAWithdrawnRequest() throws Exception {
		String fr = token("fr.analyst");
		String id = send(fr, preservation("isp"));
		act(fr, id, "withdraw").andExpect(status().isOk());
		act(token("isp.partner"), id, "acknowledge").andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("Cannot acknowledge a request that is withdrawn: only a sent request is acknowledged, once"));
	}

	@Test
	void rejectsEveryTransitionTheStateDoesNotAllow() throws Exception {
		String fr = token("fr.analyst");
		String isp = token("isp.partner");
		String id = send(fr, preservation("isp"));
		act(isp, id, "start").andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(
				org.hamcrest.Matchers.startsWith("Cannot start a request that is sent")));
		act(isp, id, "fulfil").andExpect(status().isConflict());
		act(isp, id, "acknowledge").andExpect(status().isOk());
		act(isp, id, "acknowledge").andExpect(status().isConflict());
		act(isp, id, "start").andExpect(status().isOk());
		act(isp, id, "start").andExpect(status().isConflict());
		act(isp, id, "fulfil").andExpect(status().isOk());
		act(isp, id, "fulfil").andExpect(status().isConflict());
		act(isp, id, "refuse", "{\"reason\":\"too late to refuse\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Cannot refuse a request that is fulfilled")));
		act(fr, id, "withdraw").andExpect(status().isConflict());

		String refused = send(fr, preservation("isp"));
		act(isp, refused, "refuse", "{\"reason\":\"Not our customer\"}").andExpect(status().isOk());
		act(isp, refused, "acknowledge").andExpect(status().isConflict());
		act(fr, refused, "withdraw").andExpect(status().isConflict());
		act(fr, refused, "extend").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not being preserved")));

		String sentOnly = send(fr, preservation("isp"));
		act(fr, sentOnly, "extend").andExpect(status().isConflict());
		String emergency = send(fr, emergency("be-247"));
		act(token("be.contact"), emergency, "acknowledge").andExpect(status().isOk());
		act(fr, emergency, "extend").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("only preservations are extended")));

		// each side does only its own part
		act(fr, sentOnly, "acknowledge").andExpect(status().isForbidden());
		act(isp, sentOnly, "withdraw").andExpect(status().isForbidden());
		act(isp, sentOnly, "extend").andExpect(status().isForbidden());
		act(isp, UUID.randomUUID().toString(), "acknowledge").andExpect(status().isNotFound());
		act(isp, "not-a-uuid", "acknowledge").andExpect(status().isBadRequest());
	}

	@Test
	void hidesARequestFromEveryOrganisationOutsideIt() throws Exception {
		String fr = token("fr.analyst");
		String isp = token("isp.partner");
		String id = send(fr, preservation("isp"));
		MockMultipartFile file = new MockMultipartFile("files", "logs.txt", "text/plain", "log line".getBytes(StandardCharsets.UTF_8));
		String message = mvc.perform(multipart("/api/v1/requests/" + id + "/messages").file(file).header("Authorization", "Bearer " + fr).param("body", "Our logs")
			.param("tlp", "AMBER")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String attachment = JsonPath.read(message, "$.attachments[0].id");
		mvc.perform(as(post("/api/v1/requests/" + id + "/messages"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"Internal: the suspect is our informant's neighbour\",\"tlp\":\"TLP:RED\"}"))
			.andExpect(status().isCreated());

		for (String outsider : List.of("de.analyst", "hosting.partner", "be.contact", "europol.coordinator")) {
			String token = token(outsider);
			mvc.perform(as(get("/api/v1/requests/" + id), token)).andExpect(status().isNotFound());
			mvc.perform(as(get("/api/v1/requests/" + id + "/messages"), token)).andExpect(status().isNotFound());
			mvc.perform(as(get("/api/v1/requests/" + id + "/attachments/" + attachment), token)).andExpect(status().isNotFound());
			mvc.perform(as(post("/api/v1/requests/" + id + "/messages"), token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"hello\"}")).andExpect(status().isNotFound());
			act(token, id, "acknowledge").andExpect(status().isNotFound());
			act(token, id, "withdraw").andExpect(status().isNotFound());
			String lists = mvc.perform(as(get("/api/v1/requests"), token)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
			assertThat(lists).as(outsider).doesNotContain(id);
		}

		// the recipient sees the thread but not the requester's TLP:RED message
		String thread = mvc.perform(as(get("/api/v1/requests/" + id + "/messages"), isp)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(thread, "$[*].body")).containsExactly("Our logs");
		String own = mvc.perform(as(get("/api/v1/requests/" + id + "/messages"), fr)).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(own, "$[*].tlp")).containsExactly("TLP:AMBER", "TLP:RED");
		// platform-wide oversight reads the request, never the TLP:RED message, and cannot act
		String admin = token("admin");
		mvc.perform(as(get("/api/v1/requests/" + id), admin)).andExpect(status().isOk())
			.andExpect(jsonPath("$.direction").value("OVERSIGHT")).andExpect(jsonPath("$.actions").isEmpty());
		String oversight = mvc.perform(as(get("/api/v1/requests/" + id + "/messages"), admin)).andReturn().getResponse()
			.getContentAsString();
		assertThat(oversight).doesNotContain("informant");
		act(admin, id, "acknowledge").andExpect(status().isNotFound());
	}

	@Test
	void streamsAttachmentsAsDownloadsWithASafeContentType() throws Exception {
		String fr = token("fr.analyst");
		String isp = token("isp.partner");
		String id = send(fr, preservation("isp"));
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		MockMultipartFile file = new MockMultipartFile("files", "../../evil page.html", "text/html", html);
		String message = mvc.perform(multipart("/api/v1/requests/" + id + "/messages").file(file).header("Authorization", "Bearer " + isp)
			.param("body", "Preserved logs attached").param("tlp", "GREEN")).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(message, "$.attachments[0].fileName")).isEqualTo("evil page.html");
		assertThat(JsonPath.<String>read(message, "$.attachments[0].contentType")).isEqualTo("application/octet-stream");
		assertThat(JsonPath.<String>read(message, "$.attachments[0].sha256"))
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(html)));
		String attachment = JsonPath.read(message, "$.attachments[0].id");
		byte[] downloaded = mvc.perform(as(get("/api/v1/requests/" + id + "/attachments/" + attachment), fr))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_OCTET_STREAM))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(downloaded).isEqualTo(html);
		assertThat(notices("request.message", id)).singleElement()
			.satisfies(n -> assertThat(n).containsEntry("short_name", "fr-unit"));

		mvc.perform(as(post("/api/v1/requests/" + id + "/messages"), isp).contentType(MediaType.APPLICATION_JSON)
			.content("{\"body\":\"  \",\"tlp\":\"PURPLE\"}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.body").exists()).andExpect(jsonPath("$.errors.tlp").exists());
	}

	@Test
	void rejectsMalformedIdentifiersAndMissingArticle29FieldsWithFieldErrors() throws Exception {
		String fr = token("fr.analyst");
		String body = """
				{"recipient":"isp","kind":"PRESERVATION","requestingAuthority":"Paris prosecutor","offence":"Fraud",
				 "facts":"Phishing","dataSought":"Logs",
				 "identifiers":[{"type":"URL","value":"not a web address"},
				                {"type":"IP_ADDRESS","value":"999.12.1.1","observedAt":"2026-11-28T14:30:00","timeZone":"Europe/Paris"},
				                {"type":"IP_ADDRESS","value":"198.51.100.7"},
				                {"type":"IP_ADDRESS","value":"198.51.100.7","observedAt":"yesterday","timeZone":"Europe/Paris"},
				                {"type":"PHONE","value":"12"},
				                {"type":"EMAIL","value":"someone@"},
				                {"type":"FAX","value":"+33 1 23 45 67 89"},
				                {"type":"ACCOUNT","value":" "}]}""";
		String problem = mvc.perform(as(post("/api/v1/requests"), fr).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andReturn().getResponse().getContentAsString();
		Map<String, String> errors = JsonPath.read(problem, "$.errors");
		assertThat(errors).containsOnlyKeys("relationToOffence", "custodian", "necessity", "mlaFollowUp",
				"identifiers[0].value", "identifiers[1].value", "identifiers[2].timeZone", "identifiers[3].observedAt",
				"identifiers[4].value", "identifiers[5].value", "identifiers[6].type", "identifiers[7].value");
		assertThat(errors.get("identifiers[0].value")).isEqualTo("Enter a complete web address, e.g. https://example.com/page.");
		assertThat(jdbc.sql("SELECT count(*) FROM urgent_request WHERE facts = 'Phishing'").query(Long.class).single()).isZero();

		mvc.perform(as(post("/api/v1/requests"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"recipient\":\"fr-unit\",\"kind\":\"SOMETHING\"}")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.recipient").exists()).andExpect(jsonPath("$.errors.kind").exists())
			.andExpect(jsonPath("$.errors.facts").exists());
		mvc.perform(as(post("/api/v1/requests"), fr).contentType(MediaType.APPLICATION_JSON)
			.content(emergency("isp").replace("\"threatToLife\":\"The person said they would act within the hour\",", "")))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.threatToLife").exists());
		mvc.perform(as(post("/api/v1/requests"), fr).contentType(MediaType.APPLICATION_JSON).content("{\"recipient\": [")) 
			.andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(as(post("/api/v1/requests"), token("isp.partner")).contentType(MediaType.APPLICATION_JSON)
			.content(preservation("fr-247"))).andExpect(status().isForbidden());
	}

	@Test
	void escalatesAnOverdueEmergencyOnceToTheBackupContactAndTheCoordinator() throws Exception {
		String fr = token("fr.analyst");
		String id = send(fr, emergency("be-247"));
		String sent = mvc.perform(as(get("/api/v1/requests/" + id), fr)).andReturn().getResponse().getContentAsString();
		Instant due = Instant.parse(JsonPath.read(sent, "$.acknowledgeDue"));
		assertThat(due).isEqualTo(Instant.parse(JsonPath.read(sent, "$.sentAt")).plus(Duration.ofHours(1)));
		assertThat(notices("request.received", id)).singleElement().satisfies(n -> assertThat(n).containsEntry("urgent", true));

		watch.check(due.minusSeconds(60));
		assertThat(notices("request.escalated", id)).isEmpty();
		watch.check(due.plusSeconds(60));
		watch.check(due.plus(Duration.ofHours(2)));

		List<Map<String, Object>> escalated = notices("request.escalated", id);
		UUID backup = jdbc.sql("SELECT id FROM app_user WHERE username = 'be.contact'").query(UUID.class).single();
		assertThat(escalated).filteredOn(n -> "be-247".equals(n.get("short_name"))).singleElement()
			.satisfies(n -> assertThat(n).containsEntry("urgent", true).containsEntry("recipient_user", backup));
		assertThat(escalated).filteredOn(n -> "europol".equals(n.get("short_name"))).singleElement()
			.satisfies(n -> assertThat(n).containsEntry("urgent", true));
		assertThat(escalated).filteredOn(n -> "fr-unit".equals(n.get("short_name"))).hasSize(1);
		assertThat(escalated).allSatisfy(n -> assertThat((String) n.get("title")).doesNotContain("suicide", "streamer"));

		for (String party : List.of("fr.analyst", "be.contact")) {
			mvc.perform(as(get("/api/v1/requests/" + id), token(party))).andExpect(jsonPath("$.escalatedAt").exists())
				.andExpect(jsonPath("$.escalatedTo").value(org.hamcrest.Matchers.containsString("Europol")));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'request.escalated' AND object_id = :id")
			.param("id", id).query(Long.class).single()).isEqualTo(1);

		// acknowledging late still works, and ends the overdue state without a second escalation
		act(token("be.contact"), id, "acknowledge").andExpect(status().isOk())
			.andExpect(jsonPath("$.acknowledgementOverdue").value(false));
		watch.check(due.plus(Duration.ofHours(5)));
		assertThat(notices("request.escalated", id)).hasSize(3);
	}

	@Test
	void extendsAPreservationAndRemindsBothSidesBeforeItLapses() throws Exception {
		String fr = token("fr.analyst");
		String isp = token("isp.partner");
		String id = send(fr, preservation("isp"));
		String acknowledged = act(isp, id, "acknowledge").andReturn().getResponse().getContentAsString();
		Instant until = Instant.parse(JsonPath.read(acknowledged, "$.preservedUntil"));

		watch.check(until.minus(Duration.ofDays(15)));
		assertThat(notices("request.preservation_expiring", id)).isEmpty();
		watch.check(until.minus(Duration.ofDays(13)));
		watch.check(until.minus(Duration.ofDays(12)));
		assertThat(notices("request.preservation_expiring", id)).extracting(n -> n.get("short_name"))
			.containsExactlyInAnyOrder("fr-unit", "isp");

		String extended = act(fr, id, "extend").andExpect(status().isOk()).andExpect(jsonPath("$.extensions").value(1))
			.andReturn().getResponse().getContentAsString();
		Instant later = Instant.parse(JsonPath.read(extended, "$.preservedUntil"));
		assertThat(later).isEqualTo(until.plus(Duration.ofDays(90)));
		assertThat(notices("request.extended", id)).singleElement().satisfies(n -> assertThat(n).containsEntry("short_name", "isp"));

		watch.check(until.minus(Duration.ofDays(12)));
		assertThat(notices("request.preservation_expiring", id)).hasSize(2);
		watch.check(later.minus(Duration.ofDays(1)));
		assertThat(notices("request.preservation_expiring", id)).hasSize(4);
		watch.check(later.plus(Duration.ofDays(1)));
		assertThat(notices("request.preservation_expiring", id)).hasSize(4);
	}
}
