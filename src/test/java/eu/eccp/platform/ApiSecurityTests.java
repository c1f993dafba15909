package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The API's authentication and authorisation: bearer tokens are issued, expire and are revoked; every
 * protected API family answers 401 without a valid token and 403 to a caller whose roles do not allow it,
 * always as problem details.
 */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiSecurityTests {

	/** One read endpoint of each protected API family. */
	static final List<String> PROTECTED = List.of("/api/v1/me", "/api/v1/organisations", "/api/v1/users",
			"/api/v1/tokens", "/api/v1/audit/entries", "/api/v1/audit/verification", "/actuator/prometheus");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String tokenFor(String username, String password) throws Exception {
		String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.expiresAt").isNotEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.token");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/me", "/api/v1/organisations", "/api/v1/users", "/api/v1/tokens",
			"/api/v1/audit/entries", "/api/v1/audit/verification", "/actuator/prometheus", "/api/v1/no-such-thing" })
	void everyProtectedApiFamilyAnswers401ProblemWithoutToken(String path) throws Exception {
		mvc.perform(get(path))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"eccp\""));
	}

	@Test
	void anUnknownTokenIsRejectedEverywhere() throws Exception {
		for (String path : PROTECTED) {
			mvc.perform(get(path).header("Authorization", "Bearer eccp_not-a-real-token"))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.detail").value("The token is unknown, expired or revoked."));
		}
	}

	@Test
	void anAnalystGets403OnAdministrationAuditAndMetrics() throws Exception {
		String token = tokenFor("fr.analyst", "demo");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("fr.analyst"))
			.andExpect(jsonPath("$.country").value("FR"))
			.andExpect(jsonPath("$.roles[0]").value("ANALYST"));
		mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		for (String path : List.of("/api/v1/users", "/api/v1/tokens", "/api/v1/audit/entries",
				"/api/v1/audit/verification", "/actuator/prometheus")) {
			mvc.perform(get(path).header("Authorization", "Bearer " + token))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.status").value(403));
		}
	}

	@Test
	void anOrganisationAdminSeesOnlyTheirOwnPeople() throws Exception {
		String token = tokenFor("fr.admin", "demo");
		String body = mvc.perform(get("/api/v1/users?size=500").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> usernames = JsonPath.read(body, "$.items[*].username");
		assertThat(usernames).contains("fr.analyst", "fr.admin").doesNotContain("de.analyst", "dpo", "admin");
		String platformAdmin = tokenFor("admin", "demo");
		String all = mvc.perform(get("/api/v1/users?size=500").header("Authorization", "Bearer " + platformAdmin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(all, "$.items[*].username")).contains("fr.analyst", "de.analyst", "dpo");
	}

	@Test
	void anExpiredPersonalTokenIsRejected() throws Exception {
		String token = tokenFor("de.analyst", "demo");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 minute' WHERE token_hash = encode(sha256(convert_to(:t, 'UTF8')), 'hex')")
			.param("t", token)
			.update();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void aServiceTokenWorksUntilItIsRevoked() throws Exception {
		String admin = tokenFor("admin", "demo");
		String issued = mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"ticketing\",\"roles\":[\"PARTNER\"],\"organisationId\":\"" + jdbc
				.sql("SELECT id FROM organisation WHERE short_name = 'bank'").query(String.class).single() + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String serviceToken = JsonPath.read(issued, "$.token");
		String id = JsonPath.read(issued, "$.id");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + serviceToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("token:ticketing"))
			.andExpect(jsonPath("$.roles[0]").value("PARTNER"));
		mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + admin))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + serviceToken))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aServiceTokenCannotActAsAnAuditor() throws Exception {
		String admin = tokenFor("admin", "demo");
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"roles\":[\"AUDITOR\"]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.roles").isNotEmpty());
	}

	@Test
	void wrongPasswordsGet401AndRepeatedFailuresMakeTheNextAttemptWaitInsteadOfLocking() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"nl.analyst\",\"password\":\"wrong\"}"))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		}
		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"nl.analyst\",\"password\":\"demo\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		Integer failures = jdbc.sql("SELECT failed_logins FROM app_user WHERE username = 'nl.analyst'")
			.query(Integer.class)
			.single();
		assertThat(failures).isEqualTo(5);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> mvc
			.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"nl.analyst\",\"password\":\"demo\"}"))
			.andExpect(status().isCreated()));
	}

	@Test
	void badInputGetsProblemDetailsNot500() throws Exception {
		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.username").isNotEmpty());
		String admin = tokenFor("admin", "demo");
		mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"X Y\",\"roles\":[\"NOPE\"],\"password\":\"short\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.username").isNotEmpty())
			.andExpect(jsonPath("$.errors.roles").isNotEmpty())
			.andExpect(jsonPath("$.errors.password").isNotEmpty());
		mvc.perform(get("/api/v1/users/not-a-uuid").header("Authorization", "Bearer " + admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + admin))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void healthIsPublicAndPagesCarrySecurityHeaders() throws Exception {
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("script-src 'self'"),
							org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
							org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		mvc.perform(get("/login").secure(true)).andExpect(header().exists("Strict-Transport-Security"));
		mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/auth/token']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/audit/entries']").exists());
	}
}
