package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import eu.eccp.DemoTokens;
import eu.eccp.organisations.internal.TotpCodes;

/**
 * The optional second factor (TOTP): enrolment from the account page, the login's second step, no code
 * accepted twice, the token API's {@code code}, wrong codes throttled like wrong passwords, switching it off,
 * and the platform administrator's reset. Each test works on a person of its own.
 */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SecondFactorTests {

	static final String PASSWORD = "Tr4mway-Quietly-Orbit";

	private static final Pattern SECRET = Pattern.compile("id=\"second-factor-secret\">([A-Z2-7 ]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String username;

	String address;

	@BeforeEach
	void aPersonOfTheirOwn() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		username = "sf." + suffix;
		address = "203.0.113." + (1 + Math.floorMod(suffix.hashCode(), 250));
		UUID frUnit = jdbc.sql("SELECT id FROM organisation WHERE short_name = 'fr-unit'").query(UUID.class).single();
		mvc.perform(DemoTokens.bearer(post("/api/v1/users"), DemoTokens.token(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"Second Factor Person","organisationId":"%s","roles":["ANALYST"],"password":"%s"}"""
				.formatted(username, frUnit, PASSWORD)))
			.andExpect(status().isCreated());
	}

	RequestPostProcessor fromTheirAddress() {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** A session that gave the password (only). */
	MockHttpSession password() throws Exception {
		return (MockHttpSession) mvc
			.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf()).with(fromTheirAddress()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	ResultActions code(MockHttpSession session, String code) throws Exception {
		return mvc.perform(post("/login/code").session(session).param("code", code).with(csrf()).with(fromTheirAddress()));
	}

	/** Enrols a second factor from the account page and returns its secret as shown there (the once it is). */
	String enrol(MockHttpSession session) throws Exception {
		String page = mvc.perform(post("/account/security/enrol").session(session).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).as("the enrolment page shows the secret").isTrue();
		assertThat(page).contains("otpauth://totp/ECCP:" + username + "?secret=" + secret.group(1).replace(" ", ""));
		TotpCodes.awaitRoomInTheCurrentStep();
		mvc.perform(post("/account/security/confirm").session(session).param("code", TotpCodes.code(secret.group(1), -1))
			.with(csrf())).andExpect(redirectedUrl("/account/security"));
		return secret.group(1);
	}

	ResultActions token(String json) throws Exception {
		return mvc.perform(post("/api/v1/auth/token").with(fromTheirAddress())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	@Test
	void theAccountPageIsInTheNavigationAndTheSecondFactorIsOffByDefault() throws Exception {
		MockHttpSession session = password();
		assertThat(mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains("href=\"/account/security\"");
		assertThat(mvc.perform(get("/account/security").session(session)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("id=\"enrol-second-factor\"");
	}

	@Test
	void enrolmentNeedsAFirstCodeAndThenTheLoginAsksForACodeOnASecondStep() throws Exception {
		MockHttpSession first = password();
		String page = mvc.perform(post("/account/security/enrol").session(first).with(csrf()))
			.andReturn().getResponse().getContentAsString();
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).isTrue();
		mvc.perform(post("/account/security/confirm").session(first).param("code", "000000").with(csrf()))
			.andExpect(status().isOk());
		assertThat(secondFactorOn()).as("a wrong first code does not switch it on").isFalse();

		TotpCodes.awaitRoomInTheCurrentStep();
		mvc.perform(post("/account/security/confirm").session(first).param("code", TotpCodes.code(secret.group(1), 0))
			.with(csrf())).andExpect(redirectedUrl("/account/security"));
		assertThat(secondFactorOn()).isTrue();
		assertThat(mvc.perform(get("/account/security").session(first)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).as("the secret is never shown again").doesNotContain(secret.group(1));

		MockHttpSession second = password();
		mvc.perform(get("/cases").session(second)).andExpect(redirectedTo("/login/code"));
		mvc.perform(get("/api/v1/me").session(second)).andExpect(status().isUnauthorized());
		mvc.perform(get("/login/code").session(second)).andExpect(status().isOk());
		code(second, "123456").andExpect(redirectedUrl("/login/code?error"));
		code(second, TotpCodes.code(secret.group(1), 1)).andExpect(redirectedUrl("http://localhost/cases?continue"));
		mvc.perform(get("/cases").session(second)).andExpect(status().isOk());
	}

	@Test
	void aCodeIsNeverAcceptedTwice() throws Exception {
		String secret = enrol(password());
		String code = TotpCodes.code(secret, 0);
		MockHttpSession first = password();
		code(first, code).andExpect(redirectedUrl("/"));
		mvc.perform(get("/").session(first)).andExpect(status().isOk());

		MockHttpSession replay = password();
		code(replay, code).andExpect(redirectedUrl("/login/code?error"));
		mvc.perform(get("/").session(replay)).andExpect(redirectedTo("/login/code"));
		token("{\"username\":\"%s\",\"password\":\"%s\",\"code\":\"%s\"}".formatted(username, PASSWORD, code))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theTokenApiWantsTheCodeOfAnAccountWithASecondFactorAndAnswersTheSameWhenItIsMissingOrWrong() throws Exception {
		token("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, PASSWORD)).andExpect(status().isCreated());
		String secret = enrol(password());

		String missing = token("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, PASSWORD))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.field").value("code"))
			.andReturn().getResponse().getContentAsString();
		String wrong = token("{\"username\":\"%s\",\"password\":\"%s\",\"code\":\"000000\"}".formatted(username, PASSWORD))
			.andExpect(status().isUnauthorized())
			.andReturn().getResponse().getContentAsString();
		assertThat(wrong).isEqualTo(missing).contains("second factor").contains("'code'");

		token("{\"username\":\"%s\",\"password\":\"%s\",\"code\":\"%s\"}".formatted(username, PASSWORD,
				TotpCodes.code(secret, 0)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token").isNotEmpty());
		token("{\"username\":\"%s\",\"password\":\"wrong\",\"code\":\"%s\"}".formatted(username, TotpCodes.code(secret, 1)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Authentication failed."));
	}

	@Test
	void wrongCodesCountTowardsTheLoginThrottleAndARightPasswordDoesNotClearThem() throws Exception {
		String secret = enrol(password());
		for (int i = 0; i < 3; i++) {
			code(password(), "000000").andExpect(redirectedUrl("/login/code?error"));
		}
		for (int i = 0; i < 2; i++) {
			token("{\"username\":\"%s\",\"password\":\"%s\",\"code\":\"000000\"}".formatted(username, PASSWORD))
				.andExpect(status().isUnauthorized());
		}
		token("{\"username\":\"%s\",\"password\":\"%s\",\"code\":\"%s\"}".formatted(username, PASSWORD,
				TotpCodes.code(secret, 0)))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void theSecondFactorIsSwitchedOffOnlyWithACurrentCodeAndThePassword() throws Exception {
		String secret = enrol(password());
		MockHttpSession session = password();
		code(session, TotpCodes.code(secret, 0)).andExpect(redirectedUrl("/"));
		MockHttpSession other = password();

		mvc.perform(post("/account/security/disable").session(session).param("code", TotpCodes.code(secret, 1))
			.param("password", "not-the-password").with(csrf()).with(fromTheirAddress())).andExpect(status().isOk());
		assertThat(secondFactorOn()).isTrue();
		mvc.perform(post("/account/security/disable").session(session).param("code", TotpCodes.code(secret, 1))
			.param("password", PASSWORD).with(csrf()).with(fromTheirAddress())).andExpect(redirectedUrl("/account/security"));

		assertThat(secondFactorOn()).isFalse();
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		mvc.perform(get("/").session(other)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/").session(password())).andExpect(status().isOk());
	}

	@Test
	void onlyAPlatformAdministratorResetsAnotherPersonsSecondFactorAndItIsAudited() throws Exception {
		String secret = enrol(password());
		MockHttpSession theirs = password();
		code(theirs, TotpCodes.code(secret, 0)).andExpect(redirectedUrl("/"));
		UUID id = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(UUID.class).single();

		MockHttpSession orgAdmin = demoSession("fr.admin");
		mvc.perform(post("/admin/users/" + id + "/second-factor/reset").session(orgAdmin).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(secondFactorOn()).isTrue();

		MockHttpSession platformAdmin = demoSession("admin");
		assertThat(mvc.perform(get("/admin/users/" + id).session(platformAdmin)).andReturn().getResponse()
			.getContentAsString()).contains("id=\"reset-second-factor\"");
		mvc.perform(post("/admin/users/" + id + "/second-factor/reset").session(platformAdmin).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id));

		assertThat(secondFactorOn()).isFalse();
		mvc.perform(get("/").session(theirs)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/").session(password())).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'user.second-factor.reset' AND object_id = :id")
			.param("id", id.toString()).query(Long.class).single()).isEqualTo(1);
	}

	MockHttpSession demoSession(String demoUser) throws Exception {
		return (MockHttpSession) mvc.perform(post("/login").param("username", demoUser).param("password", "demo").with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	/** A redirect to the path (Spring Security adds which factor is missing as parameters). */
	static ResultMatcher redirectedTo(String path) {
		return result -> assertThat(result.getResponse().getRedirectedUrl()).startsWith(path + "?factor.");
	}

	boolean secondFactorOn() {
		return jdbc.sql("SELECT totp_enabled_at IS NOT NULL FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Boolean.class)
			.single();
	}
}
