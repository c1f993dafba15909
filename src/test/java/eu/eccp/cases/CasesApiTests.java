package eu.eccp.cases;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * Shared cases: FR opens a case from a hit, invites DE, DE accepts and adds evidence; the export can be
 * verified file by file; TLP:RED entries stay with their author; nobody outside the case sees any of it.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-cases-tests",
		"eccp.cases.max-evidence-size=1MB" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CasesApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	final Map<String, String> tokens = new HashMap<>();

	String token(String username) {
		return tokens.computeIfAbsent(username, u -> {
			try {
				return DemoTokens.token(mvc, u);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}

	<B extends AbstractMockHttpServletRequestBuilder<B>> B as(String username, B request) throws Exception {
		return request.header("Authorization", "Bearer " + token(username));
	}

	String json(String username, MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
		return mvc.perform(as(username, request).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
	}

	String openCase(String username, String title, String tlp) throws Exception {
		String body = json(username, post("/api/v1/cases"), """
				{"title":"%s","summary":"Phishing campaign against bank customers","offences":["PHISHING"],"tlp":"%s"}"""
			.formatted(title, tlp), 201);
		return JsonPath.read(body, "$.caseFile.id");
	}

	String sharedCase(String title) throws Exception {
		String id = openCase("fr.analyst", title, "AMBER");
		json("fr.analyst", post("/api/v1/cases/" + id + "/invitations"), "{\"organisation\":\"de-unit\"}", 201);
		mvc.perform(as("de.analyst", post("/api/v1/cases/" + id + "/invitation/accept"))).andExpect(status().isOk());
		return id;
	}

	String upload(String username, String caseId, String name, byte[] content, String tlp) throws Exception {
		return mvc.perform(as(username, multipart("/api/v1/cases/" + caseId + "/evidence")
			.file(new MockMultipartFile("file", name, "text/plain", content))
			.param("description", "seized from the phishing server")
			.param("tlp", tlp))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	String report(String country, String url, String client) throws Exception {
		String reference = JsonPath.read(mvc.perform(post("/api/v1/public/reports").with(r -> {
			r.setRemoteAddr(client);
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content("""
				{"offence":"PHISHING","victimCountries":["%s"],"description":"A fake bank page at %s"}""".formatted(country, url)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.reference");
		return jdbc.sql("SELECT id FROM report WHERE reference = :r").param("r", reference).query(UUID.class).single().toString();
	}

	String awaitHit(String username, String value) {
		List<String> ids = await("a hit on " + value + " for " + username).atMost(Duration.ofSeconds(30))
			.until(() -> JsonPath.<List<String>>read(mvc.perform(as(username, get("/api/v1/hits?size=500"))).andReturn()
				.getResponse().getContentAsString(), "$.items[?(@.indicatorValue == '" + value + "')].id"),
					found -> !found.isEmpty());
		return ids.get(0);
	}

	@Test
	void franceOpensACaseFromAHitGermanyJoinsAndAddsEvidence() throws Exception {
		String url = "https://secure-" + UUID.randomUUID().toString().substring(0, 8) + ".bank-login.com/verify";
		String frReport = report("FR", url, "192.0.2.71");
		report("DE", url, "192.0.2.72");
		String hit = awaitHit("fr.analyst", url);

		String opened = json("fr.analyst", post("/api/v1/cases"), """
				{"title":"Bank-login phishing kit","summary":"Shared with DE","offences":["PHISHING"],"tlp":"AMBER","hits":["%s"]}"""
			.formatted(hit), 201);
		String id = JsonPath.read(opened, "$.caseFile.id");
		assertThat(JsonPath.<String>read(opened, "$.caseFile.reference")).matches("C-\\d{4}-\\d{6}");
		assertThat(JsonPath.<List<String>>read(opened, "$.links[*].kind")).containsExactlyInAnyOrder("HIT", "INDICATOR", "REPORT");
		assertThat(JsonPath.<List<String>>read(opened, "$.links[?(@.kind == 'REPORT')].ref")).containsExactly(frReport);
		assertThat(JsonPath.<List<String>>read(opened, "$.timeline[*].type")).contains("case.opened", "record.linked");

		mvc.perform(as("de.analyst", get("/api/v1/cases/" + id))).andExpect(status().isNotFound());
		String invitation = json("fr.analyst", post("/api/v1/cases/" + id + "/invitations"),
				"{\"organisation\":\"de-unit\",\"note\":\"Your report matches ours\"}", 201);
		assertThat(JsonPath.<String>read(invitation, "$.status")).isEqualTo("INVITED");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM notice n JOIN organisation o ON o.id = n.recipient_org
				WHERE o.short_name = 'de-unit' AND n.topic = 'case.invitation' AND n.data->>'caseId' = :id""")
			.param("id", id).query(Long.class).single()).isEqualTo(1);

		String pending = mvc.perform(as("de.analyst", get("/api/v1/cases/" + id))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(pending, "$.membership")).isEqualTo("INVITED");
		assertThat(pending).doesNotContain("Shared with DE").doesNotContain("timeline");
		assertThat(JsonPath.<List<String>>read(mvc.perform(as("de.analyst", get("/api/v1/cases/invitations"))).andReturn()
			.getResponse().getContentAsString(), "$[*].id")).contains(id);
		mvc.perform(as("de.analyst", multipart("/api/v1/cases/" + id + "/evidence")
			.file(new MockMultipartFile("file", "x.txt", "text/plain", "x".getBytes())))).andExpect(status().isNotFound());

		mvc.perform(as("de.analyst", post("/api/v1/cases/" + id + "/invitation/accept"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
		byte[] content = ("Server log of " + url + "\nvictim IBAN DE89370400440532013000\n").getBytes(StandardCharsets.UTF_8);
		String evidence = upload("de.analyst", id, "server-log.txt", content, "AMBER");
		assertThat(JsonPath.<String>read(evidence, "$.sha256")).isEqualTo(sha256(content));
		assertThat((Integer) JsonPath.read(evidence, "$.size")).isEqualTo(content.length);
		String evidenceId = JsonPath.read(evidence, "$.id");

		String seen = mvc.perform(as("fr.analyst", get("/api/v1/cases/" + id))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(seen, "$.evidence[*].sha256")).containsExactly(sha256(content));
		assertThat(JsonPath.<List<String>>read(seen, "$.members[*].status")).containsExactly("OWNER", "ACCEPTED");
		assertThat(JsonPath.<List<String>>read(seen, "$.timeline[*].type")).contains("member.invited", "member.joined",
				"evidence.added");

		mvc.perform(as("fr.analyst", get("/api/v1/cases/" + id + "/evidence/" + evidenceId + "/content")))
			.andExpect(status().isUnprocessableContent());
		byte[] downloaded = mvc.perform(as("fr.analyst", get("/api/v1/cases/" + id + "/evidence/" + evidenceId + "/content")
			.param("reason", "comparing with our server logs")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(downloaded).isEqualTo(content);
		String custody = mvc.perform(as("de.analyst", get("/api/v1/cases/" + id + "/evidence/" + evidenceId + "/custody")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(custody, "$[*].action")).containsExactly("ADDED", "DOWNLOADED", "VIEWED");
		assertThat(JsonPath.<String>read(custody, "$[1].reason")).isEqualTo("comparing with our server logs");
		assertThat(JsonPath.<String>read(custody, "$[1].by")).contains("France");
	}

	@Test
	void anExportListsEveryFileWithAHashTheRecipientCanVerify() throws Exception {
		String id = sharedCase("Export check");
		byte[] first = "first file".getBytes(StandardCharsets.UTF_8);
		byte[] second = new byte[300_000];
		new java.util.Random(7).nextBytes(second);
		upload("fr.analyst", id, "notes.txt", first, "GREEN");
		mvc.perform(as("de.analyst", multipart("/api/v1/cases/" + id + "/evidence")
			.file(new MockMultipartFile("file", "../../etc/passwd", "application/octet-stream", second))))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.fileName").value("passwd"));

		mvc.perform(as("fr.analyst", get("/api/v1/cases/" + id + "/export"))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.reason").exists());
		byte[] zip = mvc.perform(as("fr.analyst", get("/api/v1/cases/" + id + "/export").param("reason", "for the prosecutor")))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/zip"))
			.andReturn().getResponse().getContentAsByteArray();
		Map<String, byte[]> files = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				files.put(entry.getName(), in.readAllBytes());
			}
		}
		String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
		assertThat(JsonPath.<String>read(manifest, "$.format")).isEqualTo("eccp-case-export/1");
		assertThat(JsonPath.<String>read(manifest, "$.reason")).isEqualTo("for the prosecutor");
		List<Map<String, Object>> listed = JsonPath.read(manifest, "$.files");
		assertThat(listed).hasSize(2);
		for (Map<String, Object> file : listed) {
			byte[] bytes = files.get((String) file.get("path"));
			assertThat(bytes).as("file in the archive: %s", file.get("path")).isNotNull();
			assertThat(sha256(bytes)).isEqualTo(file.get("sha256"));
			assertThat(file.get("size")).isEqualTo(bytes.length);
		}
		assertThat(JsonPath.<List<String>>read(manifest, "$.files[*].sha256")).containsExactlyInAnyOrder(sha256(first),
				sha256(second));
		assertThat(JsonPath.<String>read(manifest, "$.caseJsonSha256")).isEqualTo(sha256(files.get("case.json")));
		for (String line : new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8).strip().split("\n")) {
			String[] parts = line.split("  ", 2);
			assertThat(sha256(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
		}
		assertThat(jdbc.sql("""
				SELECT count(*) FROM custody_event c JOIN case_evidence e ON e.id = c.evidence_id
				WHERE e.case_id = :id AND c.action = 'EXPORTED' AND c.reason = 'for the prosecutor'""")
			.param("id", UUID.fromString(id)).query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void tlpRedEntriesStayWithTheirAuthorsOrganisation() throws Exception {
		String id = sharedCase("Red entries");
		json("de.analyst", post("/api/v1/cases/" + id + "/notes"), "{\"text\":\"Our informant says X\",\"tlp\":\"RED\"}", 201);
		json("de.analyst", post("/api/v1/cases/" + id + "/notes"), "{\"text\":\"Servers are in NL\",\"tlp\":\"AMBER\"}", 201);
		String red = upload("de.analyst", id, "informant.txt", "secret".getBytes(), "RED");
		String redId = JsonPath.read(red, "$.id");

		String fr = mvc.perform(as("fr.analyst", get("/api/v1/cases/" + id))).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(fr, "$.notes[*].text")).containsExactly("Servers are in NL");
		assertThat(JsonPath.<List<Object>>read(fr, "$.evidence")).isEmpty();
		assertThat(JsonPath.<List<String>>read(fr, "$.timeline[*].tlp")).doesNotContain("TLP:RED");
		assertThat(fr).doesNotContain("informant");
		mvc.perform(as("fr.analyst", get("/api/v1/cases/" + id + "/evidence/" + redId + "/custody"))).andExpect(status().isNotFound());
		mvc.perform(as("fr.analyst", get("/api/v1/cases/" + id + "/evidence/" + redId + "/content").param("reason", "curious")))
			.andExpect(status().isNotFound());

		String de = mvc.perform(as("de.analyst", get("/api/v1/cases/" + id))).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(de, "$.notes[*].text")).containsExactly("Our informant says X", "Servers are in NL");
		assertThat(JsonPath.<List<String>>read(de, "$.evidence[*].fileName")).containsExactly("informant.txt");
	}

	@Test
	void noOrganisationOutsideTheCaseSeesIt() throws Exception {
		String id = sharedCase("Need to know");
		String evidence = JsonPath.read(upload("fr.analyst", id, "a.txt", "a".getBytes(), "GREEN"), "$.id");
		mvc.perform(as("nl.analyst", get("/api/v1/cases/" + id))).andExpect(status().isNotFound());
		mvc.perform(as("nl.analyst", get("/api/v1/cases/" + id + "/timeline"))).andExpect(status().isNotFound());
		mvc.perform(as("nl.analyst", get("/api/v1/cases/" + id + "/messages"))).andExpect(status().isNotFound());
		mvc.perform(as("nl.analyst", get("/api/v1/cases/" + id + "/export").param("reason", "curious"))).andExpect(status().isNotFound());
		mvc.perform(as("nl.analyst", get("/api/v1/cases/" + id + "/evidence/" + evidence + "/content").param("reason", "curious")))
			.andExpect(status().isNotFound());
		mvc.perform(as("nl.analyst", get("/api/v1/cases/" + id + "/evidence/" + evidence + "/custody"))).andExpect(status().isNotFound());
		json("nl.analyst", post("/api/v1/cases/" + id + "/notes"), "{\"text\":\"let me in\"}", 404);
		mvc.perform(as("nl.analyst", post("/api/v1/cases/" + id + "/invitation/accept"))).andExpect(status().isNotFound());
		assertThat(JsonPath.<List<String>>read(mvc.perform(as("nl.analyst", get("/api/v1/cases?size=500"))).andReturn()
			.getResponse().getContentAsString(), "$.items[*].id")).doesNotContain(id);
		mvc.perform(as("isp.partner", get("/api/v1/cases"))).andExpect(status().isForbidden());
		mvc.perform(as("isp.partner", get("/api/v1/cases/" + id))).andExpect(status().isNotFound());
		json("fr.analyst", post("/api/v1/cases/" + id + "/invitations"), "{\"organisation\":\"isp\"}", 422);
		json("de.analyst", post("/api/v1/cases/" + id + "/invitations"), "{\"organisation\":\"nl-unit\"}", 403);
	}

	@Test
	void invitationsFollowTheirLifecycle() throws Exception {
		String id = openCase("fr.analyst", "Invitation lifecycle", "AMBER");
		json("fr.analyst", post("/api/v1/cases/" + id + "/invitations"), "{\"organisation\":\"de-unit\"}", 201);
		json("fr.analyst", post("/api/v1/cases/" + id + "/invitations"), "{\"organisation\":\"de-unit\"}", 409);
		json("fr.analyst", post("/api/v1/cases/" + id + "/invitations"), "{\"organisation\":\"fr-unit\"}", 422);
		json("fr.analyst", post("/api/v1/cases/" + id + "/invitations"), "{\"organisation\":\"no-such-unit\"}", 422);
		mvc.perform(as("de.analyst", post("/api/v1/cases/" + id + "/invitation/decline"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECLINED"));
		mvc.perform(as("de.analyst", post("/api/v1/cases/" + id + "/invitation/accept"))).andExpect(status().isConflict());
		mvc.perform(as("de.analyst", get("/api/v1/cases/" + id))).andExpect(status().isNotFound());
		json("fr.analyst", post("/api/v1/cases/" + id + "/invitations"), "{\"organisation\":\"de-unit\"}", 201);
		mvc.perform(as("de.analyst", post("/api/v1/cases/" + id + "/invitation/accept"))).andExpect(status().isOk());
		mvc.perform(as("de.analyst", post("/api/v1/cases/" + id + "/invitation/accept"))).andExpect(status().isConflict());
		json("fr.analyst", post("/api/v1/cases/" + id + "/invitations"), "{\"organisation\":\"de-unit\"}", 409);
		json("fr.analyst", post("/api/v1/cases/" + id + "/invitations"), "{\"organisation\":\"europol\"}", 201);

		String red = openCase("fr.analyst", "Red case", "RED");
		json("fr.analyst", post("/api/v1/cases/" + red + "/invitations"), "{\"organisation\":\"de-unit\"}", 409);

		mvc.perform(as("de.analyst", post("/api/v1/cases/" + id + "/close"))).andExpect(status().isForbidden());
		mvc.perform(as("fr.analyst", post("/api/v1/cases/" + id + "/close"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"));
		mvc.perform(as("fr.analyst", post("/api/v1/cases/" + id + "/close"))).andExpect(status().isConflict());
		json("de.analyst", post("/api/v1/cases/" + id + "/notes"), "{\"text\":\"too late\"}", 409);
		mvc.perform(as("europol.coordinator", post("/api/v1/cases/" + id + "/invitation/accept"))).andExpect(status().isConflict());
	}

	@Test
	void tasksAreAssignedToMembersAndCompletedOnce() throws Exception {
		String id = sharedCase("Tasks");
		UUID deAnalyst = jdbc.sql("SELECT id FROM app_user WHERE username = 'de.analyst'").query(UUID.class).single();
		UUID nlAnalyst = jdbc.sql("SELECT id FROM app_user WHERE username = 'nl.analyst'").query(UUID.class).single();
		String task = json("fr.analyst", post("/api/v1/cases/" + id + "/tasks"),
				"{\"title\":\"Ask the registrar for the domain's history\",\"assignee\":\"%s\",\"dueOn\":\"2030-01-15\"}"
					.formatted(deAnalyst), 201);
		assertThat(JsonPath.<String>read(task, "$.assignee")).contains("Jonas Weber");
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE recipient_user = :u AND topic = 'case.task_assigned'")
			.param("u", deAnalyst).query(Long.class).single()).isEqualTo(1);
		json("fr.analyst", post("/api/v1/cases/" + id + "/tasks"), "{\"title\":\"x\",\"assignee\":\"%s\"}".formatted(nlAnalyst), 422);
		json("fr.analyst", post("/api/v1/cases/" + id + "/tasks"), "{\"title\":\"\"}", 422);
		String taskId = JsonPath.read(task, "$.id");
		mvc.perform(as("de.analyst", post("/api/v1/cases/" + id + "/tasks/" + taskId + "/complete"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"));
		mvc.perform(as("de.analyst", post("/api/v1/cases/" + id + "/tasks/" + taskId + "/complete")))
			.andExpect(status().isConflict());
	}

	@Test
	void messagesCarryAttachmentsAsEvidence() throws Exception {
		String id = sharedCase("Messages");
		String message = mvc.perform(as("de.analyst", multipart("/api/v1/cases/" + id + "/messages")
			.file(new MockMultipartFile("files", "headers.eml", "message/rfc822", "From: a@b.example\n\nhi".getBytes()))
			.param("text", "Here are the mail headers").param("tlp", "AMBER"))).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(message, "$.attachments[*].fileName")).containsExactly("headers.eml");
		String thread = mvc.perform(as("fr.analyst", get("/api/v1/cases/" + id + "/messages"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(thread, "$[*].text")).containsExactly("Here are the mail headers");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM notice n JOIN organisation o ON o.id = n.recipient_org
				WHERE o.short_name = 'fr-unit' AND n.topic = 'case.message' AND n.data->>'caseId' = :id""")
			.param("id", id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedWithProblemDetails() throws Exception {
		json("fr.analyst", post("/api/v1/cases"), "{\"summary\":\"no title\"}", 422);
		json("fr.analyst", post("/api/v1/cases"), "{\"title\":\"Bad marking\",\"tlp\":\"PURPLE\"}", 422);
		json("fr.analyst", post("/api/v1/cases"), "{\"title\":\"Bad offence\",\"offences\":[\"JAYWALKING\"]}", 422);
		json("fr.analyst", post("/api/v1/cases"), "{\"title\":\"Bad hit\",\"hits\":[\"%s\"]}".formatted(UUID.randomUUID()), 422);
		json("fr.analyst", post("/api/v1/cases"), "{\"title\":", 400);
		json("fr.analyst", post("/api/v1/cases"), "{\"title\":\"Null ids\",\"reports\":[null],\"hits\":[null],\"offences\":[null]}", 422);
		String id = openCase("fr.analyst", "Evidence checks", "AMBER");
		mvc.perform(as("fr.analyst", multipart("/api/v1/cases/" + id + "/evidence").param("tlp", "AMBER")))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(as("fr.analyst", multipart("/api/v1/cases/" + id + "/evidence")
			.file(new MockMultipartFile("file", "empty.txt", "text/plain", new byte[0])))).andExpect(status().isUnprocessableContent());
		mvc.perform(as("fr.analyst", multipart("/api/v1/cases/" + id + "/evidence")
			.file(new MockMultipartFile("file", "big.bin", "application/octet-stream", new byte[1024 * 1024 + 1]))))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.file").exists());
		assertThat(jdbc.sql("SELECT count(*) FROM case_evidence WHERE case_id = :id").param("id", UUID.fromString(id))
			.query(Long.class).single()).isZero();
		mvc.perform(as("fr.analyst", get("/api/v1/cases/" + UUID.randomUUID()))).andExpect(status().isNotFound());
		mvc.perform(as("fr.analyst", get("/api/v1/cases?status=MAYBE"))).andExpect(status().isUnprocessableContent());
	}

	@Test
	void indicatorsInNotesAndEvidenceBecomeSightingsOfTheCase() throws Exception {
		String id = openCase("fr.analyst", "Sightings", "AMBER");
		String domain = "case-" + UUID.randomUUID().toString().substring(0, 8) + ".example-phish.com";
		json("fr.analyst", post("/api/v1/cases/" + id + "/notes"), "{\"text\":\"The kit calls home to hxxps://" + domain
				.replace(".", "[.]") + "/gate\"}", 201);
		byte[] sample = ("malware sample " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		upload("fr.analyst", id, "sample.bin", sample, "AMBER");
		for (String value : List.of("https://" + domain + "/gate", sha256(sample))) {
			List<String> kinds = await("sightings of " + value).atMost(Duration.ofSeconds(30))
				.until(() -> JsonPath.<List<String>>read(mvc.perform(as("fr.analyst", get("/api/v1/indicators/search")
					.param("q", value))).andReturn().getResponse().getContentAsString(), "$[*].visibleSightings[*].sourceKind"),
						found -> !found.isEmpty());
			assertThat(kinds).as(value).containsExactly("CASE");
		}
	}

	@Test
	void aUnitGrantedAccessToACaseAfterAHitBecomesAMember() throws Exception {
		String url = "https://drop-" + UUID.randomUUID().toString().substring(0, 8) + ".parcel-track.com/pay";
		String id = openCase("fr.analyst", "Parcel scam", "AMBER");
		json("fr.analyst", post("/api/v1/cases/" + id + "/notes"), "{\"text\":\"Payment page " + url + "\"}", 201);
		report("DE", url, "192.0.2.73");
		String hit = awaitHit("de.analyst", url);
		String request = json("de.analyst", post("/api/v1/hits/" + hit + "/access-requests"),
				"{\"reason\":\"Same payment page in our report\"}", 201);
		assertThat(JsonPath.<String>read(request, "$.recordKind")).isEqualTo("CASE");
		mvc.perform(as("de.analyst", get("/api/v1/cases/" + id))).andExpect(status().isNotFound());
		json("fr.analyst", post("/api/v1/access-requests/" + JsonPath.read(request, "$.id") + "/grant"), "{}", 200);
		await("the granted unit sees the case").atMost(Duration.ofSeconds(30))
			.until(() -> mvc.perform(as("de.analyst", get("/api/v1/cases/" + id))).andReturn().getResponse().getStatus() == 200);
		String detail = mvc.perform(as("de.analyst", get("/api/v1/cases/" + id))).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(detail, "$.membership")).isEqualTo("ACCEPTED");
		assertThat(JsonPath.<List<String>>read(detail, "$.timeline[*].type")).contains("member.granted");
	}
}
