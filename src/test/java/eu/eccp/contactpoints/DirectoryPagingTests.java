package eu.eccp.contactpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The contact-point directory pages: with a few thousand entries it shows 25 at a time, in the order of country,
 * kind of organisation and name, says which entries of how many it shows and links to the previous and next page
 * with the filters kept; country and capability narrow it in the same query; an unknown filter is refused at its
 * field with 422. The demo entries are written in their organisation's own language (the first of its languages the
 * platform ships, English otherwise), the country named in it rather than as a code.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-directory-paging-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryPagingTests {

	private static final int PROVIDERS = 3_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	MockHttpSession analyst;

	/** 3,000 Maltese ISPs with a directory entry each, every second one also removing content. */
	@BeforeAll
	void manyProviders() throws Exception {
		jdbc.update("DELETE FROM contact_point WHERE organisation_id IN (SELECT id FROM organisation WHERE short_name LIKE 'mt-isp-%')");
		jdbc.update("DELETE FROM organisation WHERE short_name LIKE 'mt-isp-%'");
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> organisations = new ArrayList<>();
		List<Object[]> entries = new ArrayList<>();
		for (int i = 0; i < PROVIDERS; i++) {
			UUID id = UUID.randomUUID();
			organisations.add(new Object[] { id, "Maltese provider %04d".formatted(i), "mt-isp-%04d".formatted(i), now });
			entries.add(new Object[] { id, i % 2 == 0 ? "PRESERVATION,CONTENT_REMOVAL" : "PRESERVATION", now });
		}
		jdbc.batchUpdate("INSERT INTO organisation (id, name, short_name, type, country, demo, created_at) VALUES (?, ?, ?, 'ISP', 'MT', TRUE, ?)",
				organisations);
		jdbc.batchUpdate("""
				INSERT INTO contact_point (organisation_id, description, capabilities, languages, always_open, time_zone, updated_at)
				VALUES (?, 'Abuse desk', ?, 'en,mt', TRUE, 'Europe/Malta', ?)""", entries);
		analyst = (MockHttpSession) mvc.perform(formLogin("/login").user("fr.analyst").password("demo")).andReturn().getRequest()
			.getSession();
	}

	String page(String query) throws Exception {
		return mvc.perform(get("/contact-points?lang=en&" + query).session(analyst)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	static int rows(String page) {
		Matcher row = Pattern.compile("<tr id=\"cp-").matcher(page);
		int count = 0;
		while (row.find()) {
			count++;
		}
		return count;
	}

	@Test
	void theWholeDirectoryIsShownTwentyFiveEntriesAtATime() throws Exception {
		long total = jdbc.queryForObject("SELECT count(*) FROM contact_point", Long.class);
		assertThat(total).isGreaterThan(PROVIDERS);
		String first = page("");
		assertThat(rows(first)).isEqualTo(25);
		assertThat(first).contains("Entries 1–25 of %,d".formatted(total)).contains("id=\"country-index\"")
			.contains("href=\"/contact-points?country=MT").contains("class=\"pager\"")
			.contains("Page 1 of %,d".formatted((total + 24) / 25)).contains("page=1\"").doesNotContain(">Previous<");
		String second = page("page=1");
		assertThat(rows(second)).isEqualTo(25);
		assertThat(second).contains("Entries 26–50 of").contains(">Previous<");
	}

	@Test
	void aCountryAndACapabilityNarrowTheDirectoryAndThePagerKeepsThem() throws Exception {
		String malta = page("country=MT&capability=CONTENT_REMOVAL");
		assertThat(malta).contains("Entries 1–25 of 1,500").contains("Maltese provider 0000").contains("Maltese provider 0048")
			.doesNotContain("Maltese provider 0001").doesNotContain("id=\"country-index\"")
			.contains("capability=CONTENT_REMOVAL&amp;page=1\"");
		String last = page("country=MT&capability=CONTENT_REMOVAL&page=59");
		assertThat(rows(last)).isEqualTo(25);
		assertThat(last).contains("Entries 1,476–1,500 of 1,500").contains("Maltese provider 2998").doesNotContain(">Next<");
		String beyond = page("country=MT&capability=CONTENT_REMOVAL&page=60");
		assertThat(rows(beyond)).isZero();
	}

	@Test
	void anUnknownCapabilityIsRefusedAtItsField() throws Exception {
		String refused = mvc.perform(get("/contact-points?lang=en&capability=TELEPATHY").session(analyst))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"error-summary\"").contains("id=\"capability-error\"")
			.contains("aria-invalid=\"true\"");
	}

	@Test
	void theFiltersAnsweredThroughHtmxReturnTheResultsWithTheirPager() throws Exception {
		String results = mvc.perform(get("/contact-points?lang=en&country=MT").header("HX-Request", "true").session(analyst))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(results).startsWith("<div id=\"contact-point-results\"").contains("class=\"pager\"")
			.contains("Entries 1–25 of 3,001").doesNotContain("<html");
	}

	@Test
	void demoEntriesAreWrittenInTheirOrganisationsOwnLanguage() {
		String austria = "SELECT description || ' | ' || backup_name FROM contact_point cp JOIN organisation o ON o.id = cp.organisation_id WHERE o.short_name = ?";
		assertThat(jdbc.queryForObject(austria, String.class, "at-247"))
			.isEqualTo("Nationale 24/7-Kontaktstelle nach Art. 35 des Budapester Übereinkommens. | Diensthabende Person der nationalen Stelle, Österreich");
		assertThat(jdbc.queryForObject(austria, String.class, "be-247")).endsWith("Officier de permanence de l’unité nationale, Belgique");
		assertThat(jdbc.queryForObject(austria, String.class, "mt-247")).endsWith("Duty officer of the national unit, Malta");
		assertThat(jdbc.queryForObject(austria, String.class, "bank")).isEqualTo("Service fraude de la banque de démonstration. | Responsable du service fraude");
	}
}
