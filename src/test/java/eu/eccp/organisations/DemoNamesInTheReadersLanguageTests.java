package eu.eccp.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import eu.eccp.shared.GeneratedTexts;

/**
 * The names of the demo organisations and the texts of the demo directory entries are stored once (names in
 * English, entries in their organisation's own language) and every page shows them in the reader's language;
 * what a person wrote is shown as written.
 */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoNamesInTheReadersLanguageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GeneratedTexts texts;

	MockHttpSession analyst;

	@BeforeEach
	void logIn() throws Exception {
		analyst = (MockHttpSession) mvc.perform(formLogin("/login").user("fr.analyst").password("demo")).andReturn()
			.getRequest().getSession();
	}

	String page(String path, String language) throws Exception {
		return mvc.perform(get(path).param("lang", language).session(analyst)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	@Test
	void theStoredNamesStayAsOtherModulesAndTheApiReadThem() {
		assertThat(jdbc.queryForObject("SELECT name FROM organisation WHERE short_name = 'de-unit'", String.class))
			.isEqualTo("Germany National Cyber Crime Unit");
		assertThat(jdbc.queryForObject("SELECT name FROM organisation WHERE short_name = 'be-247'", String.class))
			.isEqualTo("Belgium 24/7 Contact Point");
		assertThat(jdbc.queryForObject("SELECT name FROM organisation WHERE short_name = 'platform-operator'", String.class))
			.isEqualTo("ECCP Platform Operator (demo)");
	}

	@Test
	void theDirectoryShowsTheBelgianPointInFrenchAndInGerman() throws Exception {
		String french = page("/contact-points?country=BE", "fr");
		assertThat(french).contains("Point de contact 24/7 – Belgique")
			.contains("Point de contact national 24/7 au titre de l’article 35 de la Convention de Budapest.")
			.contains("Officier de permanence de l’unité nationale, Belgique")
			.doesNotContain("Belgium 24/7 Contact Point");

		// the Belgian entry is stored in French (its first shipped language): a German reader reads it in German
		String german = page("/contact-points?country=BE", "de");
		assertThat(german).contains("24/7-Kontaktstelle – Belgien")
			.contains("Nationale 24/7-Kontaktstelle nach Art. 35 des Budapester Übereinkommens.")
			.contains("Diensthabende Person der nationalen Stelle, Belgien")
			.doesNotContain("Belgium 24/7 Contact Point").doesNotContain("Officier de permanence");

		// a hit's holders name their 24/7 point too: the directory's words are the ones every page uses
		assertThat(texts.in("Belgium 24/7 Contact Point", Locale.GERMAN)).isEqualTo("24/7-Kontaktstelle – Belgien");

		String english = page("/contact-points?country=BE", "en");
		assertThat(english).contains("Belgium 24/7 Contact Point").contains("Duty officer of the national unit, Belgium")
			.doesNotContain("Officier de permanence");
	}

	@Test
	void theRequestFormNamesTheRecipientsInTheReadersLanguage() throws Exception {
		assertThat(page("/requests/new", "de")).contains("24/7-Kontaktstelle – Österreich").contains("Internetanbieter (Demo)")
			.doesNotContain("Austria 24/7 Contact Point").doesNotContain("Demo Internet Service Provider");
		assertThat(page("/requests/new", "fr")).contains("Point de contact 24/7 – Autriche")
			.contains("Fournisseur d’accès à internet (démo)");
	}

	@Autowired
	eu.eccp.notifications.Notifications notifications;

	@Autowired
	Organisations organisations;

	@Test
	void aNoticeNamingAnOrganisationReadsInTheReadersLanguage() throws Exception {
		var dutch = organisations.findByShortName("nl-hotline").orElseThrow();
		String link = "/takedown/items/" + java.util.UUID.randomUUID();
		notifications.send(new eu.eccp.notifications.Notice(dutch.id(), null, "takedown.item.forwarded",
				"An item of illegal content was forwarded to you by Demo French Illegal Content Hotline", link, false,
				java.util.Map.of(), "takedown.notice.forwarded", java.util.List.of("Demo French Illegal Content Hotline")));
		MockHttpSession hotline = (MockHttpSession) mvc.perform(formLogin("/login").user("nl.hotline").password("demo"))
			.andReturn().getRequest().getSession();
		String inbox = mvc.perform(get("/notifications").param("lang", "de").session(hotline)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(inbox).contains("Französische Meldestelle für illegale Inhalte (Demo)")
			.doesNotContain("Demo French Illegal Content Hotline");
	}

	@Test
	void aTextAPersonWroteIsShownAsWritten() throws Exception {
		jdbc.update("UPDATE contact_point SET description = 'Wir antworten auf Deutsch und Französisch.' "
				+ "WHERE organisation_id = (SELECT id FROM organisation WHERE short_name = 'lu-247')");
		assertThat(page("/contact-points?country=LU", "fr")).contains("Wir antworten auf Deutsch und Französisch.")
			.contains("Point de contact 24/7 – Luxembourg");
		assertThat(texts.in("Germany National Cyber Crime Unit (Cybercrime Division)", Locale.FRENCH))
			.isEqualTo("Germany National Cyber Crime Unit (Cybercrime Division)");
	}

	@Test
	void everyDemoNameReadsInEachShippedLanguage() {
		assertThat(texts.in("Germany National Cyber Crime Unit", Locale.GERMAN))
			.isEqualTo("Nationale Stelle zur Bekämpfung der Cyberkriminalität – Deutschland");
		assertThat(texts.in("Demo Dutch Illegal Content Hotline", Locale.FRENCH))
			.isEqualTo("Ligne de signalement néerlandaise de contenus illicites (démo)");
		assertThat(texts.in("CEPOL, EU Agency for Law Enforcement Training", Locale.GERMAN)).startsWith("CEPOL, Agentur");
		// from any language it was stored in to any other
		assertThat(texts.in("Officier de permanence de l’unité nationale, Belgique", Locale.ENGLISH))
			.isEqualTo("Duty officer of the national unit, Belgium");
		for (String stored : jdbc.queryForList("SELECT name FROM organisation WHERE demo", String.class)) {
			for (Locale language : GeneratedTexts.SHIPPED) {
				assertThat(texts.in(stored, language)).as("%s in %s", stored, language).isNotBlank()
					.doesNotContain("??").doesNotContain("{0}");
			}
			assertThat(texts.in(stored, Locale.ENGLISH)).as("English is the stored name").isEqualTo(stored);
			assertThat(texts.in(stored, Locale.FRENCH)).as("%s has a French name", stored).isNotEqualTo(stored);
		}
	}
}
