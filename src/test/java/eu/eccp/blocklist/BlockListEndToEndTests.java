package eu.eccp.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;
import eu.eccp.blocklist.internal.BlockListEntries;
import eu.eccp.blocklist.internal.ExpiryWatch;
import eu.eccp.blocklist.isp.CheckCommand;
import eu.eccp.blocklist.isp.ExpressionHash;
import eu.eccp.blocklist.isp.KeySetDocument;
import eu.eccp.blocklist.isp.SyncCommand;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;

/**
 * The block list from proposal to expiry through the real HTTP API and the real ISP commands: a hotline
 * analyst proposes, a block-list officer approves (the proposer cannot), the ISP's {@code blocklist sync}
 * fetches and verifies the signed list over HTTP, {@code blocklist check} blocks the URL and its variants but
 * not a sibling, the removal check (a scripted one here: the hosting module's prober is wired in later) finds
 * the content gone three times and the entry leaves the list in the next version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-blocklist-e2e-tests",
				"eccp.blocklist.check-interval=0s", "eccp.blocklist.check-poll-interval=1h",
				"eccp.blocklist.delta-versions=100" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BlockListEndToEndTests {

	/** A removal check whose answers the test sets per URL (ONLINE unless told otherwise), in place of the prober. */
	static final Map<String, RemovalCheck.Result> REMOVAL_ANSWERS = new ConcurrentHashMap<>();

	@TestConfiguration
	static class ScriptedRemovalCheck {

		@Bean
		@org.springframework.context.annotation.Primary
		RemovalCheck scriptedRemovalCheck() {
			return url -> REMOVAL_ANSWERS.getOrDefault(url, RemovalCheck.Result.ONLINE);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExpiryWatch expiry;

	@Autowired
	BlockListEntries entries;

	@LocalServerPort
	int port;

	@TempDir
	Path ispDir;

	MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
		return DemoTokens.bearer(request, token);
	}

	UUID org(String shortName) {
		return jdbc.sql("SELECT id FROM organisation WHERE short_name = :s").param("s", shortName).query(UUID.class).single();
	}

	static String proposal(String url, boolean dedicated, String... countries) {
		return """
				{"sourceItem":"TD-2026-000042","url":"%s","category":"CSAM","illegalIn":[%s],"reasonCode":"HOSTED_OUTSIDE_EU",
				 "dedicatedHost":%s,
				 "stopPage":{"en":"Blocked: child sexual abuse material.","fr":"Bloqué : contenu pédocriminel.",
				             "de":"Gesperrt: Darstellungen sexuellen Kindesmissbrauchs."}}"""
			.formatted(url, String.join(",", java.util.Arrays.stream(countries).map(c -> "\"" + c + "\"").toList()), dedicated);
	}

	String propose(String token, String body) throws Exception {
		return JsonPath.read(mvc.perform(as(post("/api/v1/blocklist/entries"), token).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
	}

	String trustKey(String token) throws Exception {
		byte[] keys = mvc.perform(as(get("/api/v1/blocklist/keys"), token)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		return KeySetDocument.parse(keys).keys().get(0).publicKeyBase64();
	}

	int sync(String country, Path dir, String token, String... extra) {
		List<String> args = new java.util.ArrayList<>(List.of("--url=http://localhost:" + port + "/api/v1/blocklist/" + country,
				"--token=" + token, "--dir=" + dir));
		args.addAll(List.of(extra));
		return SyncCommand.withDefaultClient().run(args, new PrintStream(new ByteArrayOutputStream()), System.err, Map.of());
	}

	List<String> check(Path dir, String... urls) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		CheckCommand.run(List.of("--dir=" + dir), new ByteArrayInputStream(String.join("\n", urls).getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true), System.err);
		return out.toString(StandardCharsets.UTF_8).lines().toList();
	}

	Map<String, Object> ispStatus(String token, String country) throws Exception {
		String body = mvc.perform(as(get("/api/v1/blocklist/isps"), token)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<Map<String, Object>> rows = JsonPath.read(body, "$");
		return rows.stream().filter(r -> country.equals(r.get("country"))).findFirst()
			.orElseThrow(() -> new AssertionError("no ISP status for " + country + " in " + body));
	}

	long version(String country) {
		return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM blocklist_version WHERE country = :c").param("c", country)
			.query(Long.class).single();
	}

	@Test
	void proposedApprovedSyncedCheckedAndExpired() throws Exception {
		String hotline = DemoTokens.token(mvc, "hotline.analyst");
		String officer = DemoTokens.token(mvc, "blocklist.officer");
		String coordinator = DemoTokens.token(mvc, "europol.coordinator");
		String isp = DemoTokens.token(mvc, "isp.partner");
		String url = "http://Host.Example/abuse/gallery/";

		// proposed by the hotline (illegal in DE and FR; legal in NL), approved by an officer, not by the hotline
		String id = propose(hotline, proposal(url, false, "DE", "FR"));
		mvc.perform(as(post("/api/v1/blocklist/entries/" + id + "/approval"), hotline)).andExpect(status().isForbidden());
		mvc.perform(as(get("/api/v1/blocklist/entries/" + id), isp)).andExpect(status().isForbidden());
		long deBefore = version("DE");
		mvc.perform(as(post("/api/v1/blocklist/entries/" + id + "/approval"), officer)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.listedIn.length()").value(2));
		assertThat(version("DE")).isEqualTo(deBefore + 1);

		// the ISP's agreement: DE and NL; before it, no list
		mvc.perform(as(get("/api/v1/blocklist/SE"), isp)).andExpect(status().isForbidden());
		mvc.perform(as(put("/api/v1/blocklist/subscriptions/" + org("isp")), coordinator).contentType(MediaType.APPLICATION_JSON)
			.content("{\"countries\":[\"DE\",\"NL\"],\"rpzAllowed\":false}")).andExpect(status().isOk());

		// sync picks it up; check blocks variants, not a sibling path
		Path de = ispDir.resolve("de");
		assertThat(sync("DE", de, isp, "--trust-key=" + trustKey(isp))).isZero();
		List<String> answers = check(de, "http://host.example/abuse/gallery/1.jpg", "HTTP://HOST.EXAMPLE:80/abuse/gallery/x",
				"http://host.example./abuse/gallery/", "http://host.example/abuse/%67allery/y", "http://host.example/abuse/other/1.jpg");
		assertThat(answers.subList(0, 4)).allSatisfy(a -> assertThat(a).startsWith("OK message="));
		assertThat(answers.get(4)).isEqualTo("ERR");

		// the country where it is legal never gets it
		Path nl = ispDir.resolve("nl");
		assertThat(sync("NL", nl, isp, "--trust-key=" + trustKey(isp))).isZero();
		assertThat(check(nl, "http://host.example/abuse/gallery/1.jpg")).containsExactly("ERR");

		// the ISP confirmed the version it applies; the coordinator sees it is not behind
		assertThat(ispStatus(coordinator, "DE")).containsEntry("appliedVersion", (int) version("DE"))
			.containsEntry("behind", false);

		// the removal check finds the content gone three times: the entry leaves the list in the next version
		REMOVAL_ANSWERS.put(url, RemovalCheck.Result.GONE);
		long versionWithEntry = version("DE");
		// only this entry is due now (other tests' entries in the same database wait for their next check)
		jdbc.sql("UPDATE blocklist_entry SET next_check_at = now() + interval '1 day' WHERE id <> :id AND status = 'PUBLISHED'")
			.param("id", UUID.fromString(id)).update();
		for (int i = 0; i < 2; i++) {
			expiry.runOnce();
		}
		assertThat(jdbc.sql("SELECT status FROM blocklist_entry WHERE id = :id").param("id", UUID.fromString(id))
			.query(String.class).single()).as("gone at two checks: still listed").isEqualTo("PUBLISHED");
		for (int i = 0; i < 1; i++) {
			expiry.runOnce();
		}
		assertThat(jdbc.sql("SELECT status FROM blocklist_entry WHERE id = :id").param("id", UUID.fromString(id))
			.query(String.class).single()).isEqualTo("EXPIRED");
		assertThat(version("DE")).isEqualTo(versionWithEntry + 1);
		assertThat(ispStatus(coordinator, "DE")).containsEntry("behind", true).containsEntry("versionsBehind", 1);
		assertThat(sync("DE", de, isp)).isZero();
		assertThat(check(de, "http://host.example/abuse/gallery/1.jpg")).containsExactly("ERR");
	}

	@Test
	void theProposerCannotApproveTheirOwnProposal() throws Exception {
		String officer = DemoTokens.token(mvc, "blocklist.officer");
		String id = propose(officer, proposal("http://own.example/p/1.html", false, "DE"));
		mvc.perform(as(post("/api/v1/blocklist/entries/" + id + "/approval"), officer)).andExpect(status().isForbidden());
	}

	@Test
	void theListNeverCarriesAClearUrlOutsideTheRpzZone() throws Exception {
		String hotline = DemoTokens.token(mvc, "hotline.analyst");
		String officer = DemoTokens.token(mvc, "blocklist.officer");
		String coordinator = DemoTokens.token(mvc, "europol.coordinator");
		String isp = DemoTokens.token(mvc, "isp.partner");
		String whole = propose(hotline, proposal("http://dedicated-abuse.example/any/page", true, "DE"));
		String page = propose(hotline, proposal("http://mixed-host.example/u/42/pic.jpg?size=big", false, "DE"));
		mvc.perform(as(post("/api/v1/blocklist/entries/" + whole + "/approval"), officer)).andExpect(status().isOk());
		mvc.perform(as(post("/api/v1/blocklist/entries/" + page + "/approval"), officer)).andExpect(status().isOk());
		mvc.perform(as(put("/api/v1/blocklist/subscriptions/" + org("isp")), coordinator).contentType(MediaType.APPLICATION_JSON)
			.content("{\"countries\":[\"DE\"],\"rpzAllowed\":true}")).andExpect(status().isOk());

		String full = mvc.perform(as(get("/api/v1/blocklist/DE"), isp)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String delta = mvc.perform(as(get("/api/v1/blocklist/DE?since=0"), isp)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		for (String body : List.of(full, delta)) {
			assertThat(body).doesNotContain("dedicated-abuse", "mixed-host", "example", "http", "pic.jpg")
				.contains(ExpressionHash.hex("dedicated-abuse.example/"), ExpressionHash.hex("mixed-host.example/u/42/pic.jpg?size=big"));
			assertThat(body.lines().skip(8).filter(l -> !l.equals("end")))
				.allMatch(l -> l.matches("[+-] [0-9a-f]{64}( [0-9A-Z]{10} [0-9a-f]{6})?"));
		}
		String rpz = mvc.perform(as(get("/api/v1/blocklist/DE/rpz"), isp)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(rpz).contains("dedicated-abuse.example CNAME .", "*.dedicated-abuse.example CNAME .")
			.doesNotContain("mixed-host");
	}

	@Test
	void aPublicStopPageLeadsToAReviewThatReachesTheOfficers() throws Exception {
		String hotline = DemoTokens.token(mvc, "hotline.analyst");
		String officer = DemoTokens.token(mvc, "blocklist.officer");
		String created = mvc.perform(as(post("/api/v1/blocklist/entries"), hotline).contentType(MediaType.APPLICATION_JSON)
			.content(proposal("http://reviewed.example/", true, "FR"))).andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$.id");
		String ref = JsonPath.read(created, "$.referenceCode");
		mvc.perform(post("/api/v1/public/blocklist/reviews").contentType(MediaType.APPLICATION_JSON)
			.content("{\"referenceCode\":\"" + ref + "\",\"contact\":\"owner@reviewed.example\",\"message\":\"Mine, legal.\"}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(as(post("/api/v1/blocklist/entries/" + id + "/approval"), officer)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/public/blocklist/stop/" + ref).param("lang", "fr")).andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value("Bloqué : contenu pédocriminel."));
		String review = mvc.perform(post("/api/v1/public/blocklist/reviews").contentType(MediaType.APPLICATION_JSON)
			.content("{\"referenceCode\":\"" + ref.toLowerCase() + "\",\"contact\":\"owner@reviewed.example\",\"message\":\"Mine, legal.\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String reviewId = JsonPath.read(review, "$.id");
		String open = mvc.perform(as(get("/api/v1/blocklist/reviews").param("open", "true"), officer)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(open).contains(reviewId, ref, "owner@reviewed.example");
		assertThat(jdbc.sql("""
				SELECT o.short_name FROM notice n JOIN organisation o ON o.id = n.recipient_org
				WHERE n.topic = 'blocklist.review_requested' AND n.data ->> 'reviewId' = :id""").param("id", reviewId)
			.query(String.class).list()).containsExactly("europol");
		assertThat(jdbc.sql("""
				SELECT n.title_key || ' ' || n.title FROM notice n
				WHERE n.topic = 'blocklist.review_requested' AND n.data ->> 'reviewId' = :id""").param("id", reviewId)
			.query(String.class).single()).as("the title is a message key, read in each reader's language")
			.startsWith("notice.blocklist.review_requested Review requested for block-list entry " + ref);
		mvc.perform(as(get("/api/v1/blocklist/reviews"), hotline)).andExpect(status().isForbidden());
		String page = mvc.perform(get("/blocklist/stop/" + ref).locale(java.util.Locale.GERMAN)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Gesperrt: Darstellungen sexuellen Kindesmissbrauchs.", ref, "id=\"review-form\"");
		long fr = version("FR");
		mvc.perform(as(post("/api/v1/blocklist/reviews/" + reviewId + "/answer"), officer).contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\":\"WITHDRAWN\",\"answer\":\"Withdrawn after review.\"}")).andExpect(status().isNoContent());
		assertThat(version("FR")).isEqualTo(fr + 1);
		mvc.perform(get("/api/v1/public/blocklist/stop/" + ref)).andExpect(status().isNotFound());
	}

	org.springframework.mock.web.MockHttpSession logIn(String username) throws Exception {
		return (org.springframework.mock.web.MockHttpSession) mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
				.user(username).password("demo"))
			.andReturn().getRequest().getSession();
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	String publishedEntry(String url) throws Exception {
		String created = mvc.perform(as(post("/api/v1/blocklist/entries"), DemoTokens.token(mvc, "hotline.analyst"))
			.contentType(MediaType.APPLICATION_JSON).content(proposal(url, true, "FR"))).andReturn().getResponse()
			.getContentAsString();
		mvc.perform(as(post("/api/v1/blocklist/entries/" + JsonPath.read(created, "$.id") + "/approval"),
				DemoTokens.token(mvc, "blocklist.officer"))).andExpect(status().isOk());
		return JsonPath.read(created, "$.referenceCode");
	}

	@Test
	void anOfficerAnswersAReviewOnTheBlockListPage() throws Exception {
		String ref = publishedEntry("http://answered-" + UUID.randomUUID().toString().substring(0, 8) + ".example/");
		mvc.perform(post("/blocklist/review").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.csrf()).with(from("198.51.100.20"))
			.param("referenceCode", ref).param("contact", "owner@answered.example").param("message", "My own photos."))
			.andExpect(status().isOk());
		String reviewId = jdbc.sql("""
				SELECT r.id FROM blocklist_review r JOIN blocklist_entry e ON e.id = r.entry_id WHERE e.reference_code = :ref""")
			.param("ref", ref).query(UUID.class).single().toString();

		var officer = logIn("blocklist.officer");
		String page = mvc.perform(get("/blocklist").session(officer).locale(java.util.Locale.ENGLISH)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"review-" + reviewId + "\"", "owner@answered.example", "My own photos.",
				"/blocklist/reviews/" + reviewId + "/answer");
		// without an outcome or an answer: form errors on the page, nothing answered
		String refused = mvc.perform(post("/blocklist/reviews/" + reviewId + "/answer").session(officer)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.locale(java.util.Locale.ENGLISH).param("answer", "Upheld."))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("Say whether the block is upheld or withdrawn.");
		assertThat(jdbc.sql("SELECT answered_at FROM blocklist_review WHERE id = CAST(:id AS uuid)").param("id", reviewId)
			.query(java.sql.Timestamp.class).optional()).isEmpty();

		mvc.perform(post("/blocklist/reviews/" + reviewId + "/answer").session(officer)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("outcome", "UPHELD").param("answer", "The images are illegal; the block stays."))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT outcome FROM blocklist_review WHERE id = CAST(:id AS uuid)").param("id", reviewId)
			.query(String.class).single()).isEqualTo("UPHELD");
		mvc.perform(get("/api/v1/public/blocklist/stop/" + ref)).andExpect(status().isOk());
		// a proposer without the block-list role does not answer
		mvc.perform(post("/blocklist/reviews/" + reviewId + "/answer").session(logIn("hotline.analyst"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("outcome", "WITHDRAWN").param("answer", "No."))
			.andExpect(status().isForbidden());
	}

	@Test
	void thePublicReviewFormAndApiAreRateLimitedPerClientAddress() throws Exception {
		String ref = publishedEntry("http://limited-" + UUID.randomUUID().toString().substring(0, 8) + ".example/");
		String body = "{\"referenceCode\":\"" + ref + "\",\"contact\":\"owner@limited.example\",\"message\":\"Review, please.\"}";
		for (int i = 0; i < 4; i++) {
			mvc.perform(post("/api/v1/public/blocklist/reviews").with(from("198.51.100.30")).contentType(MediaType.APPLICATION_JSON)
				.content(body)).andExpect(status().isCreated());
		}
		// the form and the API share the budget (5 an hour by default)
		mvc.perform(post("/blocklist/review").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.csrf()).with(from("198.51.100.30"))
			.param("referenceCode", ref).param("contact", "owner@limited.example").param("message", "Once more."))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/public/blocklist/reviews").with(from("198.51.100.30")).contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isTooManyRequests())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists("Retry-After"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Too many requests")));
		String page = mvc.perform(post("/blocklist/review").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.csrf()).with(from("198.51.100.30")).locale(java.util.Locale.FRENCH)
			.param("referenceCode", ref).param("contact", "owner@limited.example").param("message", "Encore."))
			.andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(eu.eccp.HeadlessBrowser.message("fr", "validation.rateLimited"), "id=\"review-form\"");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM blocklist_review r JOIN blocklist_entry e ON e.id = r.entry_id WHERE e.reference_code = :ref""")
			.param("ref", ref).query(Long.class).single()).isEqualTo(5);
		// another address still may
		mvc.perform(post("/api/v1/public/blocklist/reviews").with(from("198.51.100.31")).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated());
	}

	@Test
	void refusesBadProposalsWithFieldErrors() throws Exception {
		String hotline = DemoTokens.token(mvc, "hotline.analyst");
		mvc.perform(as(post("/api/v1/blocklist/entries"), hotline).contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"\",\"category\":\"CSAM\",\"illegalIn\":[\"US\"],\"reasonCode\":\"X\",\"dedicatedHost\":false}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.url").exists())
			.andExpect(jsonPath("$.errors.illegalIn").exists())
			.andExpect(jsonPath("$.errors.stopPage").exists());
		mvc.perform(as(post("/api/v1/blocklist/entries"), DemoTokens.token(mvc, "isp.partner")).contentType(MediaType.APPLICATION_JSON)
			.content(proposal("http://x.example/", true, "DE"))).andExpect(status().isForbidden());
	}

	@Test
	void servesAListOfThousandsOfEntriesAndItsDeltaOverHttp() throws Exception {
		String coordinator = DemoTokens.token(mvc, "europol.coordinator");
		String isp = DemoTokens.token(mvc, "isp.partner");
		UUID hotlineUser = jdbc.sql("SELECT id FROM app_user WHERE username = 'hotline.analyst'").query(UUID.class).single();
		UUID officerUser = jdbc.sql("SELECT id FROM app_user WHERE username = 'blocklist.officer'").query(UUID.class).single();
		CallerContext proposer = new CallerContext(new UserId(hotlineUser), "hotline.analyst", new OrganisationId(org("hotline")),
				CountryCode.of("IE"), Set.of(Role.HOTLINE_ANALYST), false);
		CallerContext approver = new CallerContext(new UserId(officerUser), "blocklist.officer", new OrganisationId(org("europol")),
				CountryCode.of("NL"), Set.of(Role.BLOCKLIST_OFFICER), false);
		mvc.perform(as(put("/api/v1/blocklist/subscriptions/" + org("isp")), coordinator).contentType(MediaType.APPLICATION_JSON)
			.content("{\"countries\":[\"AT\"],\"rpzAllowed\":false}")).andExpect(status().isOk());
		Path at = ispDir.resolve("at");
		// one version per approval: 2,500, then 90 more (a delta: fewer than delta-versions, 100 here)
		int n = 2590;
		for (int i = 0; i < 2500; i++) {
			ProposedEntry p = new ProposedEntry(null, "http://bulk" + i + ".example/x/" + i + ".html", "CSAM", Set.of("AT"), "HOSTED_OUTSIDE_EU",
					new ProposedEntry.StopPage("en", "fr", "de"), false);
			entries.approve(approver, entries.propose(proposer, p).id());
		}
		assertThat(sync("AT", at, isp, "--trust-key=" + trustKey(isp))).isZero();
		for (int i = 2500; i < n; i++) {
			ProposedEntry p = new ProposedEntry(null, "http://bulk" + i + ".example/", "CSAM", Set.of("AT"), "HOSTED_OUTSIDE_EU",
					new ProposedEntry.StopPage("en", "fr", "de"), true);
			entries.approve(approver, entries.propose(proposer, p).id());
		}
		assertThat(sync("AT", at, isp)).isZero();
		assertThat(check(at, "http://bulk7.example/x/7.html", "http://www.bulk2589.example/any", "http://bulk7.example/x/8.html"))
			.satisfies(a -> assertThat(a.get(0)).startsWith("OK"), a -> assertThat(a.get(1)).startsWith("OK"),
					a -> assertThat(a.get(2)).isEqualTo("ERR"));
		assertThat(jdbc.sql("SELECT kind FROM blocklist_sync WHERE country = 'AT' ORDER BY id").query(String.class).list())
			.containsExactly("full", "delta");
		// 101 more versions: too many for a delta, so sync is told to fetch the full list (410), and does
		for (int i = n; i < n + 101; i++) {
			ProposedEntry p = new ProposedEntry(null, "http://late" + i + ".example/", "CSAM", Set.of("AT"), "HOSTED_OUTSIDE_EU",
					new ProposedEntry.StopPage("en", "fr", "de"), true);
			entries.approve(approver, entries.propose(proposer, p).id());
		}
		assertThat(sync("AT", at, isp)).isZero();
		assertThat(jdbc.sql("SELECT kind FROM blocklist_sync WHERE country = 'AT' ORDER BY id").query(String.class).list())
			.containsExactly("full", "delta", "full-required", "full");
		assertThat(check(at, "http://late2690.example/")).singleElement().asString().startsWith("OK");
		assertThat(Files.size(at.resolve("list.bin"))).isGreaterThan(n * 44L);
	}

	org.springframework.mock.web.MockHttpSession login(String username) throws Exception {
		return (org.springframework.mock.web.MockHttpSession) mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
				.user(username).password("demo"))
			.andReturn().getRequest().getSession();
	}

	@Test
	void proposedInTheFormAndApprovedByAnOfficerOnTheBlockListPage() throws Exception {
		var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
		var hotline = login("hotline.analyst");
		mvc.perform(post("/blocklist/entries").session(hotline).with(csrf).locale(java.util.Locale.ENGLISH)
			.param("url", "http://form.example/abuse/").param("illegalIn", "DE, FR").param("category", "CSAM")
			.param("reasonCode", "HOSTED_OUTSIDE_EU").param("stopEn", "Blocked.").param("stopFr", "Bloqué.").param("stopDe", ""))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Give the stop page text in English, French and German")));
		mvc.perform(post("/blocklist/entries").session(hotline).with(csrf)
			.param("url", "http://form.example/abuse/").param("illegalIn", "DE, FR").param("category", "CSAM")
			.param("reasonCode", "HOSTED_OUTSIDE_EU").param("stopEn", "Blocked.").param("stopFr", "Bloqué.").param("stopDe", "Gesperrt."))
			.andExpect(status().is3xxRedirection());
		UUID id = jdbc.sql("SELECT id FROM blocklist_entry WHERE expression = 'form.example/abuse/'").query(UUID.class).single();
		String hotlinePage = mvc.perform(get("/blocklist").session(hotline).locale(java.util.Locale.ENGLISH))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(hotlinePage).contains("form.example/abuse/", "Proposed, waiting for a second officer").doesNotContain("class=\"approve\"");
		var officer = login("blocklist.officer");
		assertThat(mvc.perform(get("/blocklist").session(officer).locale(java.util.Locale.ENGLISH)).andReturn().getResponse()
			.getContentAsString()).contains("class=\"approve\"");
		mvc.perform(post("/blocklist/entries/" + id + "/approval").session(officer).with(csrf)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT status FROM blocklist_entry WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("PUBLISHED");
		mvc.perform(get("/blocklist").session(login("isp.partner"))).andExpect(status().isForbidden());
	}
}
