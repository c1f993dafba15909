package eu.eccp.takedown;

import static eu.eccp.DemoTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;
import eu.eccp.HeadlessBrowser;

/**
 * What a hotline analyst does on an item's page is confirmed once, in the page's language, after the redirect
 * (post/redirect/get with a flash attribute): the address of the page has no marker left, and reloading it does not
 * say it again. Forwarding an item hosted outside the EU, which makes it a block-list candidate, says so too.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-takedown-assessment-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TakedownBannersTests {

	@Autowired
	MockMvc mvc;

	MockHttpSession login(String user) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("demo")).andReturn().getRequest()
			.getSession();
	}

	static String words(String language, String key, Object... arguments) {
		return java.text.MessageFormat.format(HeadlessBrowser.message(language, key).replace("'", "''"), arguments);
	}

	/** Posts a form of the item's page and follows the redirect, in a language, with what the redirect carried. */
	String done(MockHttpSession session, String itemPage, MockHttpServletRequestBuilder form, String done, String key,
			String language) throws Exception {
		MvcResult posted = mvc.perform(form.session(session).with(csrf())).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(itemPage)).andExpect(flash().attribute("done", done))
			.andExpect(flash().attribute("notice", key)).andReturn();
		assertThat(posted.getFlashMap().isEmpty()).isFalse();
		// the browser follows the redirect in the same session, which hands the flash attributes over once
		return page(session, itemPage, language);
	}

	String page(MockHttpSession session, String itemPage, String language) throws Exception {
		return mvc.perform(get(itemPage).param("lang", language).session(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	@Test
	void eachStepOfAnItemIsConfirmedOnceInThePagesLanguage() throws Exception {
		String token = DemoTokens.token(mvc, "fr.hotline");
		String id = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-reports"), token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"CSAM\",\"urls\":[\"https://offshore-" + UUID.randomUUID() + ".example.com/g/1\"]}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.items[0].itemId");
		String itemPage = "/takedown/items/" + id;

		MockHttpSession first = login("fr.hotline");
		String assessed = done(first, itemPage, post(itemPage + "/assess").param("category", "CSAM_BASELINE")
			.param("mediaType", "IMAGE").param("mediaCount", "3").param("reason", "Enfant prépubère, image explicite."),
				"assessed", "takedown.item.assessedNotice", "fr");
		assertThat(assessed).contains("id=\"item-assessed\"").contains(words("fr", "takedown.item.assessedNotice"));
		assertThat(page(first, itemPage, "fr")).as("a reload does not say it again").doesNotContain("id=\"item-assessed\"")
			.doesNotContain(words("fr", "takedown.item.assessedNotice"));

		// four-eyes: the second analyst confirms, in German
		MockHttpSession second = login("fr.hotline2");
		String assessment = JsonPath.read(mvc.perform(bearer(get("/api/v1/content-items/" + id), token))
			.andReturn().getResponse().getContentAsString(), "$.assessments[0].id");
		String confirmed = done(second, itemPage, post(itemPage + "/assessments/" + assessment + "/confirm"), "confirmed",
				"takedown.item.confirmedNotice", "de");
		assertThat(confirmed).contains("id=\"item-confirmed\"").contains(words("de", "takedown.item.confirmedNotice"));

		String located = done(second, itemPage, post(itemPage + "/hosting").param("country", "US").param("provider", "Offshore Host Inc."),
				"located", "takedown.hosting.saved", "en");
		assertThat(located).contains("id=\"item-located\"").contains(words("en", "takedown.hosting.saved"));

		// hosted outside the EU and no partner there: forwarding makes it a block-list candidate; the banner says so,
		// the page's standing warning says why, once
		String forwarded = done(second, itemPage, post(itemPage + "/forward"), "block-list-candidate",
				"takedown.event.BLOCK_LIST_CANDIDATE", "de");
		assertThat(forwarded).contains("id=\"item-block-list-candidate\"")
			.contains(words("de", "takedown.event.BLOCK_LIST_CANDIDATE"));
		assertThat(forwarded.split(java.util.regex.Pattern.quote(words("de", "takedown.blockListCandidate")), -1))
			.as("the reason stated once").hasSize(2);
		assertThat(page(second, itemPage, "de")).doesNotContain("id=\"item-block-list-candidate\"");
	}

	@Test
	void aSavedLegalityRuleIsConfirmedAfterTheRedirect() throws Exception {
		MockHttpSession coordinator = login("europol.coordinator");
		MvcResult posted = mvc.perform(post("/takedown/legality").session(coordinator).with(csrf()).param("category", "RACIST_XENOPHOBIC_INCITEMENT")
			.param("country", "AT").param("verdict", "ILLEGAL").param("legalBasis", "§ 283 StGB").param("note", "Verhetzung"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/takedown/legality"))
			.andExpect(flash().attribute("notice", "takedown.legality.saved")).andReturn();
		assertThat(posted.getFlashMap().isEmpty()).isFalse();
		String page = mvc.perform(get("/takedown/legality").param("lang", "fr").session(coordinator)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"rule-saved\"").contains(words("fr", "takedown.legality.saved"));
		assertThat(mvc.perform(get("/takedown/legality").param("lang", "fr").session(coordinator)).andReturn().getResponse()
			.getContentAsString()).doesNotContain("id=\"rule-saved\"");
	}
}
