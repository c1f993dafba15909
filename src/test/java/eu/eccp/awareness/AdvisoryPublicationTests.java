package eu.eccp.awareness;

import static eu.eccp.DemoTokens.bearer;
import static eu.eccp.DemoTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.jayway.jsonpath.JsonPath;

/**
 * Advisories from draft to public: four-eyes approval, the public edition in pages, feeds, the portals' JSON
 * and CAP 1.2 (validated against the OASIS schema) with Alert, Update and Cancel; every change audited.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.public-url=https://eccp.example.eu",
		"eccp.awareness.cap-sender=awareness@eccp.example.eu" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdvisoryPublicationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static final String DRAFT = """
			{"offence":"PHISHING","countries":["FR","DE","BE"],"expiresOn":"2099-12-31",
			 "translations":[
			  {"language":"en","title":"Fake parcel-delivery texts","summary":"Text messages claim a parcel is held and ask for a small fee.",
			   "happening":"Since last week people in several countries receive them.","recognise":"A link to a site that is not the carrier's.",
			   "advice":"Do not click. Delete the message. If you paid, call your bank at once.","reportHow":"Report it with the link below."},
			  {"language":"fr","title":"Faux SMS de livraison de colis","summary":"Des SMS prétendent qu’un colis est bloqué et demandent de petits frais.",
			   "happening":"Depuis la semaine dernière, dans plusieurs pays.","recognise":"Un lien vers un site qui n’est pas celui du transporteur.",
			   "advice":"Ne cliquez pas. Supprimez le message. Si vous avez payé, appelez votre banque.","reportHow":"Signalez-le avec le lien ci-dessous."}
			 ]}""";

	String create(String author) throws Exception {
		String body = mvc.perform(bearer(post("/api/v1/advisories"), token(mvc, author)).contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT)).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	@Test
	void aSecondCoordinatorPublishesWhatTheFirstWroteAndTheAuthorCannotApproveItsOwn() throws Exception {
		String author = token(mvc, "europol.coordinator");
		String second = token(mvc, "europol.coordinator2");
		String id = create("europol.coordinator");
		mvc.perform(get("/api/v1/public/advisories/" + id)).andExpect(status().isNotFound());
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/approval"), second)).andExpect(status().isConflict());
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/submission"), author)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_REVIEW"));
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/approval"), author)).andExpect(status().isConflict());
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/approval"), second)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED")).andExpect(jsonPath("$.revision").value(1));

		mvc.perform(get("/api/v1/public/advisories/" + id).param("lang", "fr")).andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Faux SMS de livraison de colis"))
			.andExpect(jsonPath("$.language").value("fr"))
			.andExpect(jsonPath("$.state").value("current"))
			.andExpect(jsonPath("$.reportUrl").value("https://eccp.example.eu/report?lang=fr"))
			.andExpect(jsonPath("$.author").doesNotExist());
		mvc.perform(get("/api/v1/public/advisories/" + id).param("lang", "de")).andExpect(status().isOk())
			.andExpect(jsonPath("$.language").value("en")).andExpect(jsonPath("$.languages.length()").value(2));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc
			.sql("SELECT actor_username || ' ' || action FROM audit_entry WHERE object_id = :id ORDER BY seq")
			.param("id", id).query(String.class).list()).containsExactly("europol.coordinator advisory.created",
					"europol.coordinator advisory.submitted", "europol.coordinator2 advisory.published"));
	}

	@Test
	void capCarriesOneInfoPerLanguageAndAnUpdateReferencesTheAlertAndACancelBoth() throws Exception {
		String author = token(mvc, "fr.analyst");
		String second = token(mvc, "europol.coordinator");
		String id = create("fr.analyst");
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/submission"), author)).andExpect(status().isOk());
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/approval"), second)).andExpect(status().isOk());

		String alert = cap(id);
		CapSchema.assertValid(alert);
		Document first = xml(alert);
		assertThat(text(first, "/*[local-name()='alert']/*[local-name()='msgType']")).isEqualTo("Alert");
		assertThat(text(first, "/*[local-name()='alert']/*[local-name()='status']")).isEqualTo("Actual");
		assertThat(count(first, "//*[local-name()='info']")).isEqualTo(2);
		assertThat(text(first, "//*[local-name()='info'][*[local-name()='language']='fr']/*[local-name()='headline']"))
			.isEqualTo("Faux SMS de livraison de colis");
		assertThat(count(first, "//*[local-name()='info'][1]/*[local-name()='area']")).isEqualTo(3);
		String firstId = text(first, "/*[local-name()='alert']/*[local-name()='identifier']");
		String firstSent = text(first, "/*[local-name()='alert']/*[local-name()='sent']");

		// an update: changed by the author, approved again by another person; the public edition stays until then
		mvc.perform(bearer(put("/api/v1/advisories/" + id), author).contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT.replace("Fake parcel-delivery texts", "Fake parcel-delivery texts and calls")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"));
		mvc.perform(get("/api/v1/public/advisories/" + id)).andExpect(jsonPath("$.title").value("Fake parcel-delivery texts"));
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/submission"), author)).andExpect(status().isOk());
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/approval"), second)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UPDATED")).andExpect(jsonPath("$.revision").value(2));
		mvc.perform(get("/api/v1/public/advisories/" + id)).andExpect(jsonPath("$.title").value("Fake parcel-delivery texts and calls"));

		String update = cap(id);
		CapSchema.assertValid(update);
		Document second2 = xml(update);
		assertThat(text(second2, "/*[local-name()='alert']/*[local-name()='msgType']")).isEqualTo("Update");
		assertThat(text(second2, "/*[local-name()='alert']/*[local-name()='identifier']")).isNotEqualTo(firstId);
		assertThat(text(second2, "/*[local-name()='alert']/*[local-name()='references']"))
			.isEqualTo("awareness@eccp.example.eu," + firstId + "," + firstSent);

		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/withdrawal"), second)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"));
		String cancel = cap(id);
		CapSchema.assertValid(cancel);
		Document third = xml(cancel);
		assertThat(text(third, "/*[local-name()='alert']/*[local-name()='msgType']")).isEqualTo("Cancel");
		assertThat(text(third, "/*[local-name()='alert']/*[local-name()='references']").split(" ")).hasSize(2);
		mvc.perform(get("/api/v1/public/advisories/" + id)).andExpect(jsonPath("$.state").value("withdrawn"));
		mvc.perform(get("/api/v1/public/advisories").param("archive", "true")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").isNotEmpty());
		mvc.perform(get("/api/v1/public/advisories")).andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").isEmpty());
		mvc.perform(bearer(put("/api/v1/advisories/" + id), author).contentType(MediaType.APPLICATION_JSON).content(DRAFT))
			.andExpect(status().isConflict());
	}

	@Test
	void feedsPerLanguageAndCountryCarryThePublicEdition() throws Exception {
		String id = create("europol.coordinator");
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/submission"), token(mvc, "europol.coordinator")));
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/approval"), token(mvc, "de.analyst"))).andExpect(status().isOk());

		String atom = mvc.perform(get("/advisories/feed/fr.atom")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Document feed = xml(atom);
		assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(atom).contains("Faux SMS de livraison de colis").contains("https://eccp.example.eu/advisories/" + id + "?lang=fr");
		assertThat(mvc.perform(get("/advisories/feed/fr/BE.atom")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("Faux SMS de livraison de colis");
		assertThat(mvc.perform(get("/advisories/feed/fr/PT.atom")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.doesNotContain("Faux SMS de livraison de colis");
		assertThat(mvc.perform(get("/advisories/feed/de.rss")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.as("no German version: not in the German feed").doesNotContain(id);
		String rss = mvc.perform(get("/advisories/feed/en/FR.rss")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(xml(rss).getDocumentElement().getAttribute("version")).isEqualTo("2.0");
		assertThat(rss).contains("<title>Fake parcel-delivery texts</title>");
		mvc.perform(get("/advisories/feed/xx.atom")).andExpect(status().isNotFound());
	}

	@Test
	void thePublicPageIsInTheVisitorsLanguageAndLinksToTheReportForm() throws Exception {
		String id = create("europol.coordinator");
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/submission"), token(mvc, "europol.coordinator")));
		mvc.perform(bearer(post("/api/v1/advisories/" + id + "/approval"), token(mvc, "europol.coordinator2")));
		String page = mvc.perform(get("/advisories/" + id).header("Accept-Language", "fr-FR,fr;q=0.9"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Faux SMS de livraison de colis").contains("href=\"/report\"").contains("Que faire");
		String list = mvc.perform(get("/advisories").header("Accept-Language", "de")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("Fake parcel-delivery texts").contains("lang=\"en\"");
	}

	@Test
	void badInputGetsFieldErrorsAndTextIdentifyingSomeoneIsRefused() throws Exception {
		String author = token(mvc, "europol.coordinator");
		mvc.perform(bearer(post("/api/v1/advisories"), author).contentType(MediaType.APPLICATION_JSON)
			.content("{\"offence\":\"NOPE\",\"countries\":[\"ZZ\"],\"expiresOn\":\"2001-01-01\",\"translations\":[]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.offence").isNotEmpty())
			.andExpect(jsonPath("$.errors.countries").isNotEmpty())
			.andExpect(jsonPath("$.errors.expiresOn").isNotEmpty())
			.andExpect(jsonPath("$.errors.translations").isNotEmpty());
		mvc.perform(bearer(post("/api/v1/advisories"), author).contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT.replace("call your bank at once", "write to victim.name@example.org or call +33 6 12 34 56 78")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['en.advice']").isNotEmpty());
		mvc.perform(bearer(post("/api/v1/advisories"), token(mvc, "isp.partner")).contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT)).andExpect(status().isForbidden());
		mvc.perform(bearer(get("/api/v1/advisories"), token(mvc, "hotline.analyst"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/public/advisories").param("lang", "xx")).andExpect(status().isUnprocessableContent());
	}

	private String cap(String id) throws Exception {
		return mvc.perform(get("/advisories/" + id + "/cap.xml")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	static Document xml(String text) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	static String text(Document doc, String xpath) throws Exception {
		return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.STRING);
	}

	static int count(Document doc, String xpath) throws Exception {
		return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET)).getLength();
	}
}
