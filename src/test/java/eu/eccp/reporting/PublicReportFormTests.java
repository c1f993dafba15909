package eu.eccp.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The public report form: a sent report answers with a redirect (post/redirect/get) to a receipt shown once,
 * whose "follow your report" link carries the reference; errors name the field, the limit and the value
 * refused; victim countries are picked by name.
 */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicReportFormTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aSentReportRedirectsToItsReceiptShownOnce() throws Exception {
		MvcResult sent = mvc.perform(post("/report").with(csrf()).with(r -> {
			r.setRemoteAddr("192.0.2.201");
			return r;
		}).param("offence", "PHISHING").param("victimCountries", "FR", "", "")
			.param("description", "A fake bank page asked for my password and card number."))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/report/submitted"))
			.andExpect(flash().attributeExists("receipt")).andReturn();
		String receipt = mvc.perform(get("/report/submitted").flashAttrs(sent.getFlashMap()).param("lang", "fr"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(receipt).contains("id=\"status-token\"").contains("/report/status?reference=ECCP-")
			.contains("data-receipt-text=\"Plateforme européenne").contains("id=\"receipt-download\"");
		mvc.perform(get("/report/submitted")).andExpect(redirectedUrl("/report/status"));
		assertThat(mvc.perform(get("/report/status").param("reference", "eccp-abcd-efgh-ij")).andReturn().getResponse()
			.getContentAsString()).contains("value=\"ECCP-ABCD-EFGH-IJ\"");
	}

	@Test
	void errorsNameTheLimitAndTheValueRefused() throws Exception {
		String page = mvc.perform(post("/report").with(csrf()).with(r -> {
			r.setRemoteAddr("192.0.2.202");
			return r;
		}).param("lang", "en").param("offence", "PHISHING").param("victimCountries", "XX")
			.param("description", "A fake bank page asked for my password.").param("contact.name", "n".repeat(201)))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("data-error-summary").contains("This is too long. At most 200 characters.")
			.contains("you entered “XX”");
	}

	@Test
	void theFormPicksVictimCountriesByNameAndMarksWhatIsRequired() throws Exception {
		String form = mvc.perform(get("/report").param("lang", "de")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(form).contains("<select name=\"victimCountries\" id=\"victimCountries\"").contains(">Deutschland</option>")
			.contains("class=\"required-mark\"").contains("data-guess-time-zone").contains("value=\"Europe/Berlin\"")
			.contains("data-for-offences=\"CHILD_SEXUAL_ABUSE_MATERIAL\"");
	}
}
