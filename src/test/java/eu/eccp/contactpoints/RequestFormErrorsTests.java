package eu.eccp.contactpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The urgent-request and directory forms use the platform's one form-error mechanism: a refused form answers 422
 * with a summary linking to the fields, each error at its field (aria-invalid, described by the error), the text
 * too long named with its limit in the reader's language and number format, and what was typed kept. The
 * recipient's actions stand in one action area: take it on, fulfil with the result, refuse with the reason.
 */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RequestFormErrorsTests {

	@Autowired
	MockMvc mvc;

	MockHttpSession logIn(String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("demo")).andReturn().getRequest()
			.getSession();
	}

	MockHttpServletRequestBuilder request(MockHttpSession session, String facts) {
		return post("/requests").session(session).with(csrf()).param("kind", "PRESERVATION").param("recipient", "isp")
			.param("requestingAuthority", "Paris public prosecutor").param("offence", "Fraud").param("facts", facts)
			.param("dataSought", "Connection logs").param("relationToOffence", "The kit was uploaded from it")
			.param("custodian", "Demo ISP").param("necessity", "Logs are deleted after 7 days").param("mlaFollowUp", "true")
			.param("idType", "IP_ADDRESS").param("idValue", "198.51.100.7").param("idObservedAt", "2026-11-28T14:30:00")
			.param("idZone", "Europe/Paris");
	}

	@Test
	void aTooLongFactsFieldIsRefusedWithItsLimitNamedAndTheTextKept() throws Exception {
		MockHttpSession fr = logIn("fr.analyst");
		String facts = "kept-" + "f".repeat(10_000);
		String english = mvc.perform(request(fr, facts).param("lang", "en")).andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(english).contains("id=\"error-summary\"").contains("href=\"#facts\"")
			.contains("Summary of the facts: This is too long. At most 10,000 characters.")
			.contains("id=\"facts-error\"").contains("aria-invalid=\"true\"").contains("aria-describedby=\"facts-hint facts-error\"")
			.contains("maxlength=\"10000\"").contains(facts);
		String german = mvc.perform(request(fr, facts).param("lang", "de")).andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(german).contains("Höchstens 10.000 Zeichen.");
		String french = mvc.perform(request(fr, facts).param("lang", "fr")).andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(french).contains("Au plus 10\u202f000 caractères.");
	}

	@Test
	void theRecipientsActionsStandInOneAreaAndARefusalWithoutReasonComesBackAtItsField() throws Exception {
		MockHttpSession fr = logIn("fr.analyst");
		String location = mvc.perform(request(fr, "Phishing campaign " + UUID.randomUUID()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String page = location.replaceAll("\\?.*", "");
		MockHttpSession isp = logIn("isp.partner");
		String detail = mvc.perform(get(page).session(isp).param("lang", "en")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		String area = detail.substring(detail.indexOf("id=\"actions\""), detail.indexOf("id=\"details-heading\""));
		assertThat(area).contains("id=\"take-on\"", "id=\"action-acknowledge\"", "id=\"refuse-form\"", "Refuse, with the reason")
			.doesNotContain("id=\"requester-actions\"");
		mvc.perform(post(page + "/acknowledge").session(isp).with(csrf())).andExpect(status().is3xxRedirection());
		String acknowledged = mvc.perform(get(page).session(isp).param("lang", "en")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(acknowledged.substring(acknowledged.indexOf("id=\"actions\""), acknowledged.indexOf("id=\"details-heading\"")))
			.contains("id=\"fulfil-form\"", "Fulfil, with the result", "id=\"refuse-form\"");

		MvcResult refused = mvc.perform(post(page + "/refuse").session(isp).with(csrf()).param("reason", "no"))
			.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).endsWith("#actions");
		String again = mvc.perform(get(page).session(isp).param("lang", "en").flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(again).contains("id=\"error-summary\"").contains("href=\"#reason\"").contains("id=\"reason-error\"")
			.contains("Say why the request is refused (3 to 5,000 characters).").contains(">no</textarea>");

		String requester = mvc.perform(get(page).session(fr).param("lang", "en")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(requester).contains("id=\"requester-actions\"", "id=\"action-withdraw\"").doesNotContain("id=\"refuse-form\"");
	}

	@Test
	void theDirectoryEntryFormNamesTheLimitOfItsDescription() throws Exception {
		MockHttpSession admin = logIn("fr.admin");
		String edit = mvc.perform(get("/contact-points").session(admin)).andReturn().getResponse().getContentAsString();
		String organisation = edit.replaceAll("(?s).*href=\"/contact-points/([0-9a-f-]{36})/edit\".*", "$1");
		String page = mvc.perform(post("/contact-points/" + organisation).session(admin).with(csrf()).param("lang", "en")
			.param("description", "d".repeat(2_001)).param("timeZone", "Europe/Paris").param("hours", "ALWAYS"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"description-error\"").contains("This is too long. At most 2,000 characters.")
			.contains("maxlength=\"2000\"").contains("id=\"error-summary\"");
	}
}
