package eu.eccp.reporting;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/**
 * Reporting over the API: the public intake and status, organisations' idempotent and bulk submissions,
 * routing, triage, and that one unit never reads another unit's reports or reporters.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-reporting-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportingApiTests {

	private static final AtomicInteger CLIENTS = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** Each test reports from its own address, so the per-client rate limit never interferes. */
	final String client = "203.0.113." + CLIENTS.getAndIncrement();

	RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String phishing(String description) {
		return """
				{"offence":"PHISHING","residenceCountry":"FR","victimCountries":["FR"],
				 "occurredAt":"2026-11-28T14:30","timeZone":"Europe/Paris",
				 "loss":{"amount":"120.50","currency":"EUR","paymentMethod":"card"},
				 "description":"%s",
				 "details":{"urls":["hxxps://bank-secure[.]example/login"],"emails":["support@bank-secure.example"],
				   "ibans":["FR14 2004 1010 0505 0001 3M02 606"]},
				 "contact":{"name":"Marie Dupont","email":"marie@example.org","language":"fr"},
				 "consentToContact":true,"consentToShare":true}""".formatted(description);
	}

	String submitPublic(String json) throws Exception {
		return mvc.perform(post("/api/v1/public/reports").with(from(client)).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String tokenFor(String username) throws Exception {
		String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"demo\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.token");
	}

	MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
		return request.header("Authorization", "Bearer " + token);
	}

	String idOf(String reference) {
		return jdbc.sql("SELECT id FROM report WHERE reference = :r").param("r", reference).query(UUID.class).single().toString();
	}

	@Test
	void aCitizenReportsAnonymouslyAndFollowsTheStatusWithTheToken() throws Exception {
		String receipt = submitPublic(phishing("A fake bank e-mail asked me to log in " + UUID.randomUUID()));
		String reference = JsonPath.read(receipt, "$.reference");
		String token = JsonPath.read(receipt, "$.statusToken");
		assertThat(reference).matches("ECCP-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}");
		assertThat(token).hasSizeGreaterThanOrEqualTo(43);

		mvc.perform(get("/api/v1/public/reports/" + reference).with(from(client)).header("X-Status-Token", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RECEIVED"))
			.andExpect(jsonPath("$.offence").value("PHISHING"))
			.andExpect(jsonPath("$.history[0].type").value("SUBMITTED"));

		mvc.perform(post("/api/v1/public/reports/" + reference + "/information").with(from(client))
			.header("X-Status-Token", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"They called me too, from +33 6 12 34 56 78.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.history[1].type").value("INFORMATION_ADDED"))
			.andExpect(jsonPath("$.history[1].text").value("They called me too, from +33 6 12 34 56 78."));
	}

	@Test
	void theStatusRevealsNothingWithoutTheRightToken() throws Exception {
		String reference = JsonPath.read(submitPublic(phishing("Status privacy check " + UUID.randomUUID())), "$.reference");
		String wrongToken = mvc.perform(get("/api/v1/public/reports/" + reference).with(from(client))
			.header("X-Status-Token", "guess"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andReturn().getResponse().getContentAsString();
		String noSuchReference = mvc.perform(get("/api/v1/public/reports/ECCP-0000-0000-00").with(from(client))
			.header("X-Status-Token", "guess"))
			.andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString();
		assertThat(wrongToken.replace(reference, "X")).isEqualTo(noSuchReference.replace("ECCP-0000-0000-00", "X"));
		mvc.perform(get("/api/v1/public/reports/" + reference).with(from(client))).andExpect(status().isNotFound());
	}

	@Test
	void everyBadFieldIsNamedInTheProblemDetails() throws Exception {
		mvc.perform(post("/api/v1/public/reports").with(from(client)).contentType(MediaType.APPLICATION_JSON).content("""
				{"offence":"SOMETHING","residenceCountry":"XX","victimCountries":["FR","ZZ"],
				 "occurredAt":"yesterday","timeZone":"Mars/Olympus","loss":{"amount":"-5","currency":"EURO"},
				 "description":"short","details":{"urls":["not a url"],"emails":["nobody"],"ibans":["FR14 2004 1010 0505 0001 3M02 607"]},
				 "contact":{"email":"not-an-email","language":"french"},"tlp":"PURPLE"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.offence").isNotEmpty())
			.andExpect(jsonPath("$.errors.residenceCountry").isNotEmpty())
			.andExpect(jsonPath("$.errors['victimCountries[1]']").isNotEmpty())
			.andExpect(jsonPath("$.errors.timeZone").isNotEmpty())
			.andExpect(jsonPath("$.errors['loss.amount']").isNotEmpty())
			.andExpect(jsonPath("$.errors['loss.currency']").isNotEmpty())
			.andExpect(jsonPath("$.errors.description").isNotEmpty())
			.andExpect(jsonPath("$.errors['details.urls[0]']").isNotEmpty())
			.andExpect(jsonPath("$.errors['details.emails[0]']").isNotEmpty())
			.andExpect(jsonPath("$.errors['details.ibans[0]']").value("This is not a valid IBAN (check the digits)."))
			.andExpect(jsonPath("$.errors['contact.email']").isNotEmpty())
			.andExpect(jsonPath("$.errors['contact.language']").isNotEmpty())
			.andExpect(jsonPath("$.errors.tlp").isNotEmpty());
		mvc.perform(post("/api/v1/public/reports").with(from(client)).contentType(MediaType.APPLICATION_JSON).content("[1,2"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(post("/api/v1/public/reports").with(from(client)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"offence\":\"PHISHING\",\"description\":\"A date in the future.\",\"occurredAt\":\"2099-01-01T10:00:00Z\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.occurredAt").isNotEmpty());
	}

	@Test
	void anOversizedPublicRequestIsRefusedBeforeItIsRead() throws Exception {
		mvc.perform(post("/api/v1/public/reports").with(from(client)).contentType(MediaType.APPLICATION_JSON)
			.content(new byte[1024 * 1024 + 1]))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void aFilledHoneypotIsRejected() throws Exception {
		mvc.perform(post("/api/v1/public/reports").with(from(client)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"offence\":\"PHISHING\",\"description\":\"Buy cheap watches now!!!\",\"website\":\"http://spam.example\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.website").isNotEmpty());
	}

	@Test
	void childSexualAbuseMaterialIsReportedByWebAddressOnlyNeverAsFiles() throws Exception {
		String csam = "{\"offence\":\"CHILD_SEXUAL_ABUSE_MATERIAL\",\"description\":\"Found on a forum while searching.\"%s}";
		mvc.perform(post("/api/v1/public/reports").with(from(client)).contentType(MediaType.APPLICATION_JSON).content(csam.formatted("")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['details.urls']").isNotEmpty());
		MockMultipartFile report = new MockMultipartFile("report", "", "application/json",
				csam.formatted(",\"details\":{\"urls\":[\"https://forum.example/t/123\"]}").getBytes(StandardCharsets.UTF_8));
		MockMultipartFile image = new MockMultipartFile("attachments", "x.png", "image/png", png());
		mvc.perform(multipart("/api/v1/public/reports").file(report).file(image).with(from(client)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.attachments").isNotEmpty());
		mvc.perform(multipart("/api/v1/public/reports").file(report).with(from(client))).andExpect(status().isCreated());
	}

	@Test
	void attachmentsAreTypedByTheirContentAndHashed() throws Exception {
		MockMultipartFile report = new MockMultipartFile("report", "", "application/json",
				phishing("With a screenshot " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
		String reference = JsonPath.read(mvc.perform(multipart("/api/v1/public/reports").file(report)
			.file(new MockMultipartFile("attachments", "screen.png", "application/octet-stream", png()))
			.file(new MockMultipartFile("attachments", "mail.eml", "message/rfc822",
					"Return-Path: <x@bank-secure.example>\nFrom: Bank <x@bank-secure.example>\nSubject: Verify\n\nClick here"
						.getBytes(StandardCharsets.UTF_8)))
			.with(from(client)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.reference");
		List<String> types = jdbc.sql("SELECT a.content_type FROM report_attachment a JOIN report r ON r.id = a.report_id "
				+ "WHERE r.reference = :r ORDER BY a.content_type").param("r", reference).query(String.class).list();
		assertThat(types).containsExactly("image/png", "message/rfc822");

		MockMultipartFile executable = new MockMultipartFile("attachments", "invoice.png", "image/png",
				new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 });
		mvc.perform(multipart("/api/v1/public/reports").file(new MockMultipartFile("report", "", "application/json",
				phishing("Executable disguised " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))).file(executable)
			.with(from(client)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['attachments[0]']").isNotEmpty());
	}

	@Test
	void aClientOverItsRateLimitIsToldClearly() throws Exception {
		String address = "198.51.100.77";
		int accepted = 0;
		for (int i = 0; i < 25; i++) {
			int code = mvc.perform(post("/api/v1/public/reports").with(from(address)).contentType(MediaType.APPLICATION_JSON)
				.content(phishing("Rate limit probe " + i + " " + UUID.randomUUID())))
				.andReturn().getResponse().getStatus();
			if (code == 201) {
				accepted++;
			}
			else {
				assertThat(code).isEqualTo(429);
			}
		}
		assertThat(accepted).isEqualTo(20);
		mvc.perform(post("/api/v1/public/reports").with(from(address)).contentType(MediaType.APPLICATION_JSON)
			.content(phishing("One more " + UUID.randomUUID())))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Too many requests")));
	}

	@Test
	void anExactResubmissionIsFlaggedAsADuplicateNotNewWork() throws Exception {
		String json = phishing("Sent twice by mistake " + UUID.randomUUID());
		String first = JsonPath.read(submitPublic(json), "$.reference");
		String second = submitPublic(json);
		assertThat((Boolean) JsonPath.read(second, "$.duplicate")).isTrue();
		String status = jdbc.sql("SELECT status FROM report WHERE reference = :r").param("r", JsonPath.read(second, "$.reference"))
			.query(String.class).single();
		assertThat(status).isEqualTo("DUPLICATE");
		String inbox = mvc.perform(as(get("/api/v1/reports?size=500"), tokenFor("fr.analyst")))
			.andReturn().getResponse().getContentAsString();
		List<String> references = JsonPath.read(inbox, "$.items[*].reference");
		assertThat(references).contains(first).doesNotContain((String) JsonPath.read(second, "$.reference"));
	}

	@Test
	void reportsAreRoutedToTheVictimsNationalUnitOrToEuropol() throws Exception {
		String toGermany = JsonPath.read(submitPublic("""
				{"offence":"FRAUD_SHOPPING","victimCountries":["DE"],"residenceCountry":"FR",
				 "description":"Paid for shoes, never delivered %s"}""".formatted(UUID.randomUUID())), "$.reference");
		String toEuropol = JsonPath.read(submitPublic("""
				{"offence":"DENIAL_OF_SERVICE","residenceCountry":"US",
				 "description":"Our site is flooded %s"}""".formatted(UUID.randomUUID())), "$.reference");
		assertThat(routedTo(toGermany)).isEqualTo("de-unit");
		assertThat(routedTo(toEuropol)).isEqualTo("europol");
	}

	String routedTo(String reference) {
		return jdbc.sql("SELECT o.short_name FROM report r JOIN organisation o ON o.id = r.owner_org WHERE r.reference = :r")
			.param("r", reference).query(String.class).single();
	}

	@Test
	void oneUnitNeverReadsAnotherUnitsReportsOrReporters() throws Exception {
		String reference = JsonPath.read(submitPublic(phishing("For the French unit only " + UUID.randomUUID())), "$.reference");
		String id = idOf(reference);
		String fr = tokenFor("fr.analyst");
		String de = tokenFor("de.analyst");
		mvc.perform(as(get("/api/v1/reports/" + id), fr))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contact.email").value("marie@example.org"))
			.andExpect(jsonPath("$.classification.conventionArticles[0]").value("ETS 185 Art. 7"))
			.andExpect(jsonPath("$.classification.rsitType").value("Phishing"));
		mvc.perform(as(get("/api/v1/reports/" + id), de)).andExpect(status().isNotFound());
		mvc.perform(as(post("/api/v1/reports/" + id + "/status"), de).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"IN_REVIEW\"}")).andExpect(status().isNotFound());
		String deInbox = mvc.perform(as(get("/api/v1/reports?size=500&q=French"), de)).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(deInbox, "$.items[*].reference")).doesNotContain(reference);
		mvc.perform(as(get("/api/v1/reports/" + id), tokenFor("isp.partner"))).andExpect(status().isNotFound());
		Long contactViews = jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'report.viewed-with-contact' AND object_id = :id")
			.param("id", id).query(Long.class).single();
		assertThat(contactViews).isEqualTo(1);
	}

	@Test
	void anAnalystTriagesAndTheReporterSeesTheStatusFollow() throws Exception {
		String receipt = submitPublic(phishing("Triage me " + UUID.randomUUID()));
		String reference = JsonPath.read(receipt, "$.reference");
		String token = JsonPath.read(receipt, "$.statusToken");
		String id = idOf(reference);
		String fr = tokenFor("fr.analyst");
		mvc.perform(as(get("/api/v1/reports?q=Triage&status=RECEIVED"), fr))
			.andExpect(jsonPath("$.items[*].reference").value(org.hamcrest.Matchers.hasItem(reference)));
		mvc.perform(as(post("/api/v1/reports/" + id + "/status"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"LINKED_TO_CASE\"}")).andExpect(status().isConflict());
		mvc.perform(as(post("/api/v1/reports/" + id + "/status"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"IN_REVIEW\"}")).andExpect(status().isNoContent());
		String analystId = jdbc.sql("SELECT id FROM app_user WHERE username = 'fr.analyst'").query(UUID.class).single().toString();
		mvc.perform(as(put("/api/v1/reports/" + id + "/assignee"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"assignee\":\"" + analystId + "\"}")).andExpect(status().isNoContent());
		String germanAnalyst = jdbc.sql("SELECT id FROM app_user WHERE username = 'de.analyst'").query(UUID.class).single().toString();
		mvc.perform(as(put("/api/v1/reports/" + id + "/assignee"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"assignee\":\"" + germanAnalyst + "\"}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(as(post("/api/v1/reports/" + id + "/status"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"CLOSED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.reason").isNotEmpty());
		mvc.perform(as(post("/api/v1/reports/" + id + "/status"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"CLOSED\",\"reason\":\"internal: no lead\"}")).andExpect(status().isNoContent());

		mvc.perform(get("/api/v1/public/reports/" + reference).with(from(client)).header("X-Status-Token", token))
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.history[*].status").value(org.hamcrest.Matchers.hasItems("IN_REVIEW", "CLOSED")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("no lead"))));
		Long audited = jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'report.status-changed' AND object_id = :id")
			.param("id", id).query(Long.class).single();
		assertThat(audited).isEqualTo(2);
	}

	@Test
	void anOrganisationsRetriedSubmissionReturnsTheOriginal() throws Exception {
		String bank = tokenFor("bank.partner");
		String key = UUID.randomUUID().toString();
		String json = phishing("Customer reported a fake bank page " + key);
		String first = mvc.perform(as(post("/api/v1/reports"), bank).header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String retry = mvc.perform(as(post("/api/v1/reports"), bank).header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(retry, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));

		String withReference = phishing("By our reference " + key).replace("\"consentToContact\"",
				"\"organisationReference\":\"BANK-" + key + "\",\"consentToContact\"");
		String a = mvc.perform(as(post("/api/v1/reports"), bank).contentType(MediaType.APPLICATION_JSON).content(withReference))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String b = mvc.perform(as(post("/api/v1/reports"), bank).contentType(MediaType.APPLICATION_JSON).content(withReference))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(b, "$.id")).isEqualTo(JsonPath.read(a, "$.id"));

		String submitted = mvc.perform(as(get("/api/v1/reports?view=submitted&size=500"), bank))
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(submitted, "$.items[*].id")).contains((String) JsonPath.read(first, "$.id"));
		mvc.perform(as(post("/api/v1/reports"), tokenFor("dpo")).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBulkFileImportsGoodRowsAndNamesEveryBadRow() throws Exception {
		String bank = tokenFor("bank.partner");
		String run = UUID.randomUUID().toString();
		String ndjson = String.join("\n",
				"{\"offence\":\"PHISHING\",\"victimCountries\":[\"FR\"],\"description\":\"Bulk row one " + run + "\",\"organisationReference\":\"B1-" + run + "\"}",
				"{\"offence\":\"FRAUD_INVESTMENT\",\"victimCountries\":[\"BE\"],\"description\":\"Bulk row two " + run + "\",\"loss\":{\"amount\":\"5000\",\"currency\":\"EUR\"}}",
				"this is not json",
				"",
				"{\"offence\":\"PHISHING\",\"description\":\"short\"}",
				"{\"offence\":\"PHISHING\",\"victimCountries\":[\"FR\"],\"description\":\"Bulk row again " + run + "\",\"organisationReference\":\"B1-" + run + "\"}",
				"{\"offence\":\"IDENTITY_THEFT\",\"victimCountries\":[\"DE\"],\"description\":\"Bulk row last " + run + "\"}");
		String job = mvc.perform(as(post("/api/v1/reports/bulk"), bank).contentType("application/x-ndjson").content(ndjson))
			.andExpect(status().isAccepted())
			.andExpect(header().exists("Location"))
			.andReturn().getResponse().getContentAsString();
		String done = awaitJob(bank, JsonPath.read(job, "$.id"));
		assertThat((String) JsonPath.read(done, "$.job.state")).isEqualTo("COMPLETED");
		assertThat((Integer) JsonPath.read(done, "$.job.rowsDone")).isEqualTo(6);
		assertThat((Integer) JsonPath.read(done, "$.job.accepted")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(done, "$.job.rejected")).isEqualTo(3);
		assertThat(JsonPath.<List<Integer>>read(done, "$.rejections.items[*].line")).containsExactly(3, 5, 6);
		assertThat(JsonPath.<List<String>>read(done, "$.rejections.items[*].reason").get(1)).contains("description");
		assertThat(JsonPath.<List<String>>read(done, "$.rejections.items[*].reason").get(2)).contains("already submitted");

		String csv = "offence,description,victimCountries,lossAmount,lossCurrency,ibans,organisationReference\n"
				+ "PHISHING,\"CSV row, with a comma " + run + "\",FR;BE,10.00,EUR,FR1420041010050500013M02606,C1-" + run + "\n"
				+ "NOPE,CSV bad offence " + run + ",FR,,,,\n"
				+ "FRAUD_SHOPPING,CSV bad amount " + run + ",DE,abc,EUR,,\n";
		String csvJob = mvc.perform(as(post("/api/v1/reports/bulk"), bank).contentType("text/csv").content(csv))
			.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
		String csvDone = awaitJob(bank, JsonPath.read(csvJob, "$.id"));
		assertThat((Integer) JsonPath.read(csvDone, "$.job.accepted")).isEqualTo(1);
		assertThat(JsonPath.<List<Integer>>read(csvDone, "$.rejections.items[*].line")).containsExactly(3, 4);

		String badHeader = mvc.perform(as(post("/api/v1/reports/bulk"), bank).contentType("text/csv")
			.content("offence,description,colour\nPHISHING,x,red\n"))
			.andReturn().getResponse().getContentAsString();
		String failed = awaitJob(bank, JsonPath.read(badHeader, "$.id"));
		assertThat((String) JsonPath.read(failed, "$.job.state")).isEqualTo("FAILED");
		assertThat((String) JsonPath.read(failed, "$.job.failure")).contains("colour");

		mvc.perform(as(get("/api/v1/reports/bulk/" + JsonPath.read(job, "$.id")), tokenFor("fr.analyst")))
			.andExpect(status().isNotFound());
		mvc.perform(as(post("/api/v1/reports/bulk"), bank).contentType(MediaType.TEXT_PLAIN).content("x"))
			.andExpect(status().isUnsupportedMediaType());
	}

	String awaitJob(String token, String id) {
		return await("import " + id + " ended").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
			.until(() -> mvc.perform(as(get("/api/v1/reports/bulk/" + id), token)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(),
					body -> List.of("COMPLETED", "FAILED").contains(JsonPath.<String>read(body, "$.job.state")));
	}

	@Test
	void theTaxonomyMapsEveryOffenceToTheConventionAndRsit() throws Exception {
		mvc.perform(get("/api/v1/public/taxonomy"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(Offence.values().length))
			.andExpect(jsonPath("$[?(@.offence == 'CHILD_SEXUAL_ABUSE_MATERIAL')].conventionArticles[0]").value("ETS 185 Art. 9"))
			.andExpect(jsonPath("$[?(@.offence == 'RACISM_XENOPHOBIA')].kind").value("ILLEGAL_CONTENT"))
			.andExpect(jsonPath("$[?(@.offence == 'DENIAL_OF_SERVICE')].rsitClass").value("Availability"))
			.andExpect(jsonPath("$[?(@.offence == 'ILLEGAL_ACCESS')].iccsCode").value("09031"))
			.andExpect(jsonPath("$[?(@.offence == 'CHILD_SEXUAL_ABUSE_MATERIAL')].iccsCode").value("030221"))
			.andExpect(jsonPath("$[?(@.offence == 'PHISHING')].cyberRelated").value(true));
	}

	static byte[] png() {
		return new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	}
}
