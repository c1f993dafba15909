package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
}
