package eu.eccp.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * The feed-source pages list an organisation's sources with their last pull and their error in the reader's
 * language, add and change sources with errors on the form's fields, never show a credential, and the import page
 * takes STIX and MISP files and shows what was imported and why objects were rejected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "eccp.demo=true",
		"eccp.sharing.feeds.poll-interval=1s", "eccp.sharing.feeds.allow-http=true",
		"eccp.sharing.feeds.allow-private-addresses=true", "eccp.data-dir=${java.io.tmpdir}/eccp-feed-pages-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FeedPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	final String s = UUID.randomUUID().toString().substring(0, 8);

	MockHttpSession loggedIn(String username) throws Exception {
		return (MockHttpSession) mvc.perform(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
					.user(username).password("demo"))
			.andReturn().getRequest().getSession(false);
	}

	String page(MockHttpSession session, String path, Locale locale) throws Exception {
		return mvc.perform(get(path).session(session).locale(locale)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void sourcesAreAddedAndChangedOnThePageWithErrorsOnTheirFieldsAndTheLastErrorInTheReadersLanguage() throws Exception {
		MockHttpSession bank = loggedIn("bank.partner");
		String empty = page(bank, "/sharing/feeds", Locale.ENGLISH);
		assertThat(empty).contains("Add a source", "name=\"url\"", "TAXII 2.1 collection", "MISP feed");

		String refused = mvc.perform(post("/sharing/feeds").session(bank).with(csrf()).locale(Locale.FRENCH)
			.param("kind", "TAXII").param("name", "").param("url", "ftp://x.example.org/").param("tlp", "AMBER")
			.param("intervalSeconds", "5")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("has-error", "aria-invalid=\"true\"", "name-error",
				"id=\"url-error\">Donnez l’adresse de la collection",
				"id=\"intervalSeconds-error\">Indiquez un intervalle entre 60 secondes et 7 jours.");

		String secret = "page-secret-" + s + "-ABCD";
		mvc.perform(post("/sharing/feeds").session(bank).with(csrf()).param("kind", "TAXII").param("name", "Own " + s)
			.param("url", "http://localhost:" + port + "/taxii2/api/collections/" + UUID.randomUUID() + "/")
			.param("secret", secret).param("tlp", "GREEN").param("intervalSeconds", "3600").param("pageSize", "100"))
			.andExpect(status().is3xxRedirection());
		String token = DemoTokens.token(mvc, "bank.partner");
		String id = JsonPath.<java.util.List<String>>read(mvc.perform(DemoTokens.bearer(get("/api/v1/sharing/feeds"), token))
			.andReturn().getResponse().getContentAsString(), "$[?(@.name == 'Own " + s + "')].id").get(0);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> page(bank, "/sharing/feeds", Locale.GERMAN).contains("HTTP-Status 401"));
		String german = page(bank, "/sharing/feeds", Locale.GERMAN);
		assertThat(german).contains("Own " + s, "Fehlerhaft", "Zugangsdaten sind gespeichert (…ABCD)").doesNotContain(secret);
		assertThat(page(bank, "/sharing/feeds", Locale.FRENCH)).contains("La source a répondu avec le statut HTTP 401.");

		String edit = page(bank, "/sharing/feeds/" + id, Locale.ENGLISH);
		assertThat(edit).contains("Change the source", "name=\"enabled\"").doesNotContain(secret);
		var movedResult = mvc.perform(post("/sharing/feeds/" + id).session(bank).with(csrf()).param("kind", "TAXII")
			.param("name", "Own " + s).param("url", "https://elsewhere.example.org/c/").param("tlp", "GREEN")
			.param("intervalSeconds", "3600")).andExpect(status().isOk()).andReturn();
		String moved = movedResult.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(moved).as("errors %s", movedResult.getModelAndView().getModel().get("errors")).contains("secret-error", "The stored credential is never sent to another address");
		mvc.perform(post("/sharing/feeds/" + id).session(bank).with(csrf()).param("kind", "TAXII")
			.param("name", "Paused " + s).param("url", "http://localhost:" + port + "/taxii2/api/collections/x/")
			.param("secret", "another").param("tlp", "GREEN").param("intervalSeconds", "7200"))
			.andExpect(status().is3xxRedirection());
		assertThat(page(bank, "/sharing/feeds", Locale.ENGLISH)).contains("Paused " + s, "Paused</span>");

		assertThat(mvc.perform(get("/sharing/feeds/" + id).session(loggedIn("hosting.partner"))).andReturn().getResponse()
			.getStatus()).as("another organisation's source").isEqualTo(404);
		mvc.perform(post("/sharing/feeds/" + id + "/remove").session(bank).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(page(bank, "/sharing/feeds", Locale.ENGLISH)).doesNotContain("Paused " + s);
	}

	@Test
	void theImportPageTakesStixAndMispFilesAndListsRejections() throws Exception {
		MockHttpSession bank = loggedIn("bank.partner");
		assertThat(page(bank, "/sharing/import", Locale.ENGLISH)).contains("enctype=\"multipart/form-data\"", "MISP event JSON");
		String stix = """
				{"type":"bundle","id":"bundle--%s","objects":[
				 {"type":"indicator","spec_version":"2.1","id":"indicator--%s","pattern":"[url:value = 'https://page-%s.bad-site.net/']",
				  "pattern_type":"stix","valid_from":"2026-02-01T00:00:00Z"},
				 {"type":"indicator","spec_version":"2.1","id":"indicator--%s","pattern":"rule x { }","pattern_type":"yara"}]}"""
			.formatted(UUID.randomUUID(), UUID.randomUUID(), s, UUID.randomUUID());
		String result = mvc.perform(multipart("/sharing/import").file(new MockMultipartFile("file", "bundle.json",
				MediaType.APPLICATION_JSON_VALUE, stix.getBytes(StandardCharsets.UTF_8))).param("format", "STIX")
			.param("tlp", "GREEN").session(bank).with(csrf()).locale(Locale.FRENCH)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result).contains("2 objets lus, 1 indicateurs importés", "Objets rejetés");

		String misp = """
				{"Event":{"uuid":"%s","Attribute":[{"uuid":"%s","type":"domain","value":"page-misp-%s.bad-site.net"},
				 {"uuid":"%s","type":"ip-dst","value":"not-an-ip"}],"Tag":[{"name":"tlp:clear"}]}}"""
			.formatted(UUID.randomUUID(), UUID.randomUUID(), s, UUID.randomUUID());
		String mispResult = mvc.perform(multipart("/sharing/import").file(new MockMultipartFile("file", "event.json",
				MediaType.APPLICATION_JSON_VALUE, misp.getBytes(StandardCharsets.UTF_8))).param("format", "MISP")
			.session(bank).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(mispResult).contains("2 objects read, 1 indicators imported", "The value is not valid for its type");

		String noFile = mvc.perform(multipart("/sharing/import").param("format", "MISP").session(bank).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(noFile).contains("file-error", "Choose a file.");
		String notAnEvent = mvc.perform(multipart("/sharing/import").file(new MockMultipartFile("file", "x.json",
				MediaType.APPLICATION_JSON_VALUE, "[1]".getBytes(StandardCharsets.UTF_8))).param("format", "MISP")
			.session(bank).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(notAnEvent).contains("The file is not a MISP event");
	}
}
