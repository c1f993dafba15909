package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import eu.eccp.DemoTokens;

/**
 * What an administrator's change to an account does to the access that account already has: web sessions
 * end, personal tokens stop.
 */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccountSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	MockHttpSession loggedIn(String username) throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("demo"))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
		return session;
	}

	UUID idOf(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(UUID.class).single();
	}

	void asAdmin(String path, String json) throws Exception {
		mvc.perform(put(path).header("Authorization", "Bearer " + DemoTokens.token(mvc, "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).andExpect(status().is2xxSuccessful());
	}

	@Test
	void disablingAUserEndsTheirWebSession() throws Exception {
		MockHttpSession session = loggedIn("fr.analyst");
		asAdmin("/api/v1/users/" + idOf("fr.analyst") + "/enabled", "{\"enabled\":false}");
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void changingAUsersRolesEndsTheirWebSession() throws Exception {
		MockHttpSession session = loggedIn("de.analyst");
		MockHttpSession bystander = loggedIn("nl.analyst");
		asAdmin("/api/v1/users/" + idOf("de.analyst") + "/roles", "{\"roles\":[\"ANALYST\",\"CONTACT_POINT_OFFICER\"]}");
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/").session(bystander)).andExpect(status().isOk());
	}

	@Test
	void anHtmxRequestOfAnEndedSessionIsSentToTheLoginPage() throws Exception {
		MockHttpSession session = loggedIn("hotline.analyst");
		asAdmin("/api/v1/users/" + idOf("hotline.analyst") + "/enabled", "{\"enabled\":false}");
		mvc.perform(get("/").session(session).header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("HX-Redirect", "/login?expired"));
	}

	@Test
	void aPasswordChangeRevokesThePersonalApiTokensAndEndsTheSessions() throws Exception {
		String personal = DemoTokens.token(mvc, "be.contact");
		MockHttpSession session = loggedIn("be.contact");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + personal)).andExpect(status().isOk());
		asAdmin("/api/v1/users/" + idOf("be.contact") + "/password", "{\"password\":\"Tr4mway-Quietly-Orbit\"}");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + personal)).andExpect(status().isUnauthorized());
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
		assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE user_id = :u AND revoked_at IS NULL")
			.param("u", idOf("be.contact")).query(Long.class).single()).isZero();
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginForm(String username,
			String password, String address) {
		return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
			.param("username", username)
			.param("password", password)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with(from(address));
	}

	org.springframework.test.web.servlet.ResultActions tokenRequest(String username, String password, String address)
			throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/auth/token")
			.with(from(address))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
	}

	@Test
	void aWrongPasswordAnUnknownAccountAndADisabledAccountGetTheSameAnswer() throws Exception {
		jdbc.sql("UPDATE app_user SET enabled = false WHERE username = 'isp.partner'").update();
		for (String[] attempt : new String[][] { { "hosting.partner", "wrong" }, { "no.such.person", "demo" },
				{ "isp.partner", "demo" } }) {
			mvc.perform(loginForm(attempt[0], attempt[1], "198.51.100.1"))
				.andExpect(redirectedUrl("/login?error"));
			tokenRequest(attempt[0], attempt[1], "198.51.100.2").andExpect(status().isUnauthorized())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
					.value("Authentication failed."));
		}
	}

	@Test
	void repeatedFailuresSlowAnAccountDownTheSameWayWhetherItExistsOrNotAndNeverLockIt() throws Exception {
		for (String username : new String[] { "bank.partner", "nobody.at.all" }) {
			for (int i = 0; i < 5; i++) {
				tokenRequest(username, "wrong", "198.51.100." + (10 + i)).andExpect(status().isUnauthorized());
			}
			tokenRequest(username, "demo", "198.51.100.20").andExpect(status().isTooManyRequests())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists("Retry-After"));
			mvc.perform(loginForm(username, "demo", "198.51.100.21"))
				.andExpect(redirectedUrl("/login?throttled"));
		}
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> tokenRequest("bank.partner", "demo", "198.51.100.22").andExpect(status().isCreated()));
	}

	@Test
	void oneClientAddressGuessingManyAccountsIsSlowedDownWhileOthersLogInNormally() throws Exception {
		for (int i = 0; i < 20; i++) {
			tokenRequest("guess" + i, "wrong", "192.0.2.66").andExpect(status().isUnauthorized());
		}
		tokenRequest("europol.coordinator", "demo", "192.0.2.66").andExpect(status().isTooManyRequests());
		tokenRequest("europol.coordinator", "demo", "192.0.2.67").andExpect(status().isCreated());
	}

	UUID organisation(String shortName) {
		return jdbc.sql("SELECT id FROM organisation WHERE short_name = :s").param("s", shortName).query(UUID.class).single();
	}

	org.springframework.test.web.servlet.ResultActions send(String username,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
			throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + DemoTokens.token(mvc, username))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	static String newUser(String username, UUID organisation, String role, String password) {
		return """
				{"username":"%s","displayName":"Test Person","organisationId":"%s","roles":["%s"],"password":"%s"}"""
			.formatted(username, organisation, role, password);
	}

	static org.springframework.test.web.servlet.ResultMatcher fieldError(String field) {
		return org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors." + field).isNotEmpty();
	}

	@Test
	void anOrganisationAdminCannotGiveItselfRolesNorGrantPlatformDutiesNorRolesOutsideItsType() throws Exception {
		UUID frUnit = organisation("fr-unit");
		send("fr.admin", put("/api/v1/users/" + idOf("fr.admin") + "/roles"), "{\"roles\":[\"ADMIN\",\"ANALYST\"]}")
			.andExpect(status().isUnprocessableContent()).andExpect(fieldError("roles"));
		send("fr.admin", post("/api/v1/users"), newUser("fr.coord", frUnit, "COORDINATOR", "Tr4mway-Quietly-Orbit"))
			.andExpect(status().isUnprocessableContent()).andExpect(fieldError("roles"));
		send("fr.admin", post("/api/v1/users"), newUser("fr.auditor", frUnit, "AUDITOR", "Tr4mway-Quietly-Orbit"))
			.andExpect(status().isUnprocessableContent()).andExpect(fieldError("roles"));
		send("fr.admin", post("/api/v1/users"), newUser("fr.partner", frUnit, "PARTNER", "Tr4mway-Quietly-Orbit"))
			.andExpect(status().isUnprocessableContent()).andExpect(fieldError("roles"));
		send("fr.admin", post("/api/v1/users"), newUser("fr.analyst2", frUnit, "ANALYST", "Tr4mway-Quietly-Orbit"))
			.andExpect(status().isCreated());
		send("fr.admin", put("/api/v1/users/" + idOf("fr.analyst2") + "/roles"),
				"{\"roles\":[\"ANALYST\",\"CONTACT_POINT_OFFICER\"]}")
			.andExpect(status().is2xxSuccessful());
	}

	@Test
	void thePlatformAdminGivesPlatformDutiesOnlyWhereTheRolesMatrixAllowsThem() throws Exception {
		send("admin", post("/api/v1/users"),
				newUser("ec3.coordinator", organisation("europol"), "COORDINATOR", "Tr4mway-Quietly-Orbit"))
			.andExpect(status().isCreated());
		send("admin", post("/api/v1/users"),
				newUser("fr.coordinator", organisation("fr-unit"), "COORDINATOR", "Tr4mway-Quietly-Orbit"))
			.andExpect(status().isUnprocessableContent()).andExpect(fieldError("roles"));
		send("admin", post("/api/v1/users"),
				newUser("bank.auditor", organisation("bank"), "AUDITOR", "Tr4mway-Quietly-Orbit"))
			.andExpect(status().isUnprocessableContent()).andExpect(fieldError("roles"));
		send("admin", put("/api/v1/users/" + idOf("admin") + "/roles"), "{\"roles\":[\"ADMIN\",\"AUDITOR\"]}")
			.andExpect(status().isUnprocessableContent()).andExpect(fieldError("roles"));
	}

	@Test
	void aServiceTokenCannotActAsAnAdministratorNorOutliveTheLifetimeCap() throws Exception {
		UUID bank = organisation("bank");
		send("admin", post("/api/v1/tokens"), "{\"name\":\"sync\",\"roles\":[\"ADMIN\"],\"organisationId\":\"" + bank + "\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(fieldError("roles"));
		send("admin", post("/api/v1/tokens"),
				"{\"name\":\"sync\",\"roles\":[\"PARTNER\"],\"expiresOn\":\"2999-01-01\",\"organisationId\":\"" + bank + "\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(fieldError("expiresOn"));
		send("admin", post("/api/v1/tokens"), "{\"name\":\"feed\",\"roles\":[\"ANALYST\"],\"organisationId\":\"" + bank + "\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(fieldError("roles"));
		String issued = send("admin", post("/api/v1/tokens"),
				"{\"name\":\"sync\",\"roles\":[\"PARTNER\"],\"organisationId\":\"" + bank + "\"}")
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		java.time.Instant expiresAt = java.time.Instant.parse(com.jayway.jsonpath.JsonPath.read(issued, "$.expiresAt"));
		assertThat(expiresAt).isBefore(java.time.Instant.now().plus(java.time.Duration.ofDays(366)));
	}

	@Test
	void commonRepetitiveOrPersonalPasswordsAreRefusedForNewAccountsAndResets() throws Exception {
		UUID frUnit = organisation("fr-unit");
		for (String weak : new String[] { "aaaaaaaaaaaa", "password1234", "            ", "123456789012",
				"TestPerson2026!" }) {
			send("fr.admin", post("/api/v1/users"), newUser("fr.weak", frUnit, "ANALYST", weak))
				.andExpect(status().isUnprocessableContent()).andExpect(fieldError("password"));
		}
		send("fr.admin", put("/api/v1/users/" + idOf("fr.analyst") + "/password"), "{\"password\":\"qwertyuiop123\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(fieldError("password"));
	}
}
