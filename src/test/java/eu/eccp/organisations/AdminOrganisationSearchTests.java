package eu.eccp.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The administrators' organisation list can be searched by name, short name or country, in the reader's language. */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminOrganisationSearchTests {

	@Autowired
	MockMvc mvc;

	String page(MockHttpSession session, String q, String language) throws Exception {
		return mvc.perform(get("/admin/organisations").param("q", q).param("lang", language).session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void findsOrganisationsByNameOrCountryName() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("demo"))
			.andReturn().getRequest().getSession();
		assertThat(page(session, "europol", "en")).contains("Europol").doesNotContain("Germany National Cyber Crime Unit");
		// "Allemagne" is Germany in French: the country's name in the reader's language finds its organisations,
		// whose demo names are shown in French too
		assertThat(page(session, "allemagne", "fr")).contains("Unité nationale de lutte contre la cybercriminalité – Allemagne")
			.contains("Point de contact 24/7 – Allemagne").doesNotContain("Germany National Cyber Crime Unit").doesNotContain("Europol");
		// the name as shown finds it, and so does the name as stored
		assertThat(page(session, "kontaktstelle – österreich", "de")).contains("24/7-Kontaktstelle – Österreich")
			.doesNotContain("Nationale Stelle zur Bekämpfung der Cyberkriminalität – Österreich");
		assertThat(page(session, "Austria 24/7", "de")).contains("24/7-Kontaktstelle – Österreich");
		assertThat(page(session, "no such organisation", "en")).contains("id=\"no-organisations\"");
	}
}
