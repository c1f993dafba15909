package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The forms of the modules share one way of refusing: 422 (or a redirect carrying the errors and what was typed),
 * the summary that links to the fields, each error at its field, a text too long named with its limit. Walked here
 * for cases (the case page's several forms), sharing, hosting and the block list; the urgent requests have
 * {@code RequestFormErrorsTests}, the public report form {@code PublicReportFormTests}.
 */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FormErrorsTests {

	@Autowired
	MockMvc mvc;

	MockHttpSession logIn(String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("demo")).andReturn().getRequest()
			.getSession();
	}

	@Test
	void aCaseNoteTooLongComesBackInItsOwnFormWithItsLimitAndItsText() throws Exception {
		MockHttpSession fr = logIn("fr.analyst");
		String casePage = mvc.perform(post("/cases").session(fr).with(csrf()).param("title", "Form errors walk")
			.param("tlp", "AMBER")).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(casePage).session(fr)).andExpect(status().isOk());
		String note = "kept " + "n".repeat(20_000);
		MvcResult refused = mvc.perform(post(casePage + "/notes").session(fr).with(csrf()).param("text", note).param("tlp", "AMBER"))
			.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).endsWith("#notes");
		String page = mvc.perform(get(casePage).session(fr).param("lang", "en")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("id=\"error-summary\"").contains("href=\"#note-text\"").contains("id=\"note-text-error\"")
			.contains("This is too long. At most 20,000 characters.").contains(note);
		assertThat(page.substring(page.indexOf("id=\"message-form\""))).as("the message form keeps its own state")
			.doesNotContain("message-text-error").doesNotContain(note);
	}

	@Test
	void theCaseFormNamesItsRefusedFields() throws Exception {
		String page = mvc.perform(post("/cases").session(logIn("fr.analyst")).with(csrf()).param("lang", "en").param("title", "")
			.param("tlp", "PURPLE")).andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"error-summary\"").contains("Title: This field is required.").contains("id=\"tlp-error\"");
	}

	@Test
	void aSharingAgreementWithoutItsFieldsIsRefusedAtThem() throws Exception {
		String page = mvc.perform(post("/sharing").session(logIn("europol.coordinator")).with(csrf()).param("lang", "en")
			.param("name", "a".repeat(201))).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"error-summary\"").contains("id=\"name-error\"").contains("at most 200 characters")
			.contains("id=\"sharingOrganisations-error\"");
	}

	@Test
	void aNetworkRowIsRefusedWithItsLimitAndKept() throws Exception {
		MockHttpSession admin = logIn("admin");
		String page = mvc.perform(post("/admin/network-contacts").session(admin).with(csrf()).param("lang", "de")
			.param("asn", "64510").param("name", "x".repeat(201)).param("abuseEmail", "abuse@example.net"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"name-error\"").contains("Höchstens 200 Zeichen.").contains("value=\"64510\"");
		assertThat(mvc.perform(post("/admin/network-contacts").session(admin).with(csrf()).param("asn", "AS-x").param("name", "n"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString()).contains("id=\"asn-error\"");
	}

	@Test
	void aBlockListProposalWithoutAllStopPagesIsRefusedAtThem() throws Exception {
		String page = mvc.perform(post("/blocklist/entries").session(logIn("hotline.analyst")).with(csrf()).param("lang", "en")
			.param("url", "http://form-errors.example/x").param("illegalIn", "DE").param("category", "CSAM")
			.param("reasonCode", "HOSTED_OUTSIDE_EU").param("stopEn", "Blocked.").param("stopFr", "").param("stopDe", ""))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"error-summary\"").contains("id=\"stopFr-error\"").contains("id=\"stopDe-error\"").contains("href=\"#stopFr\"").contains("value=\"http://form-errors.example/x\"");
	}
}
