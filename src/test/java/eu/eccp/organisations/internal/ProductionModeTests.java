package eu.eccp.organisations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import eu.eccp.organisations.OrganisationType;
import eu.eccp.shared.Role;

/**
 * Without demo mode nobody logs in with a demo or default password: demo accounts left in the database
 * are refused, no built-in administrator exists, and the first administrator comes from the
 * operator-supplied secret.
 */
@SpringBootTest(properties = { "eccp.demo=false", "eccp.admin.username=operator",
		"eccp.admin.password=Correct-Horse-Battery-9" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ProductionModeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountProvisioning provisioning;

	@Test
	void demoAccountsLeftInTheDatabaseCannotLogIn() throws Exception {
		var org = provisioning.demoOrganisation("Leftover demo unit", "leftover-unit", OrganisationType.NATIONAL_UNIT, "FR");
		assertThat(provisioning.demoAccount("leftover.analyst", "Leftover", org, provisioning.hash("demo"),
				Set.of(Role.ANALYST))).isTrue();

		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"leftover.analyst\",\"password\":\"demo\"}")).andExpect(status().isUnauthorized());
		mvc.perform(formLogin("/login").user("leftover.analyst").password("demo"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void noDefaultAdministratorPasswordWorks() throws Exception {
		for (String username : new String[] { "admin", "operator" }) {
			for (String password : new String[] { "admin", "demo", "password", "changeme", "" }) {
				mvc.perform(formLogin("/login").user(username).password(password)).andExpect(unauthenticated());
			}
		}
	}

	@Test
	void theFirstAdministratorComesFromTheOperatorsSecret() throws Exception {
		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"operator\",\"password\":\"Correct-Horse-Battery-9\"}"))
			.andExpect(status().isCreated());
		assertThat(provisioning.administratorExists()).isTrue();
	}
}
