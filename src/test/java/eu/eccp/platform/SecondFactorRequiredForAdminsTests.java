package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import eu.eccp.organisations.internal.TotpCodes;

/**
 * With {@code eccp.accounts.require-second-factor-for-admins}, administrators and auditors without a second
 * factor are sent from their password straight to enrolment and can do nothing else until enrolled; the token
 * API refuses them. Other people are not affected.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.accounts.require-second-factor-for-admins=true" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SecondFactorRequiredForAdminsTests {

	private static final Pattern SECRET = Pattern.compile("id=\"second-factor-secret\">([A-Z2-7 ]+)<");

	@Autowired
	MockMvc mvc;

	MockHttpSession password(String demoUser) throws Exception {
		return (MockHttpSession) mvc.perform(post("/login").param("username", demoUser).param("password", "demo").with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	ResultActions token(String demoUser) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + demoUser + "\",\"password\":\"demo\"}"));
	}

	static ResultMatcher sentToEnrolment() {
		return result -> assertThat(result.getResponse().getRedirectedUrl()).startsWith("/account/security?factor.");
	}

	@Test
	void anAdministratorWithoutASecondFactorCanOnlyEnrolUntilEnrolledAndThenWorksAsUsual() throws Exception {
		MockHttpSession session = password("fr.admin");
		for (String page : new String[] { "/", "/admin/users", "/cases", "/notifications" }) {
			mvc.perform(get(page).session(session)).andExpect(sentToEnrolment());
		}
		String account = mvc.perform(get("/account/security").session(session))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(account).contains("id=\"second-factor-required\"").doesNotContain("href=\"/admin/users\"");

		String enrolment = mvc.perform(post("/account/security/enrol").session(session).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Matcher secret = SECRET.matcher(enrolment);
		assertThat(secret.find()).isTrue();
		TotpCodes.awaitRoomInTheCurrentStep();
		mvc.perform(post("/account/security/confirm").session(session).param("code", TotpCodes.code(secret.group(1), 0))
			.with(csrf())).andExpect(redirectedUrl("/account/security"));

		mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
		String refused = mvc.perform(post("/account/security/disable").session(session)
			.param("code", TotpCodes.code(secret.group(1), 1)).param("password", "demo").with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).as("an administrator cannot switch it off").contains("id=\"second-factor-errors\"");

		MockHttpSession next = password("fr.admin");
		mvc.perform(get("/admin/users").session(next))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).startsWith("/login/code?factor."));
	}

	@Test
	void anAuditorWithoutASecondFactorIsSentToEnrolmentToo() throws Exception {
		MockHttpSession session = password("dpo");
		mvc.perform(get("/audit").session(session)).andExpect(sentToEnrolment());
	}

	@Test
	void theTokenApiRefusesAnAdministratorWithoutASecondFactorWithAClearProblem() throws Exception {
		token("admin").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("/account/security")));
	}

	@Test
	void peopleWithOtherRolesAreNotAffected() throws Exception {
		mvc.perform(get("/").session(password("fr.analyst"))).andExpect(status().isOk());
		token("fr.analyst").andExpect(status().isCreated());
	}
}
