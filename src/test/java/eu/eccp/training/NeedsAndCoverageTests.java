package eu.eccp.training;

import static eu.eccp.DemoTokens.bearer;
import static eu.eccp.training.TrainingTestSupport.courseJson;
import static eu.eccp.training.TrainingTestSupport.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * National units' training coordinators record their needs by year, role and level; coordinators see them against
 * the seats offered, all countries together and per country, with the gaps.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-training-needs-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NeedsAndCoverageTests {

	@Autowired
	MockMvc mvc;

	static String need(int year, String role, String level, int officials, String priority) {
		return "{\"year\":%d,\"role\":\"%s\",\"level\":\"%s\",\"officials\":%d,\"priority\":\"%s\"}".formatted(year, role, level,
				officials, priority);
	}

	@Test
	void needsAreSetAgainstTheSeatsOfferedWithTheGapsByCountry() throws Exception {
		int year = LocalDate.now(ZoneOffset.UTC).getYear() + 2;
		String de = DemoTokens.token(mvc, "de.training");
		String fr = DemoTokens.token(mvc, "fr.admin");
		mvc.perform(bearer(post("/api/v1/training/needs"), de).contentType(MediaType.APPLICATION_JSON)
			.content(need(year, "MALWARE_ANALYST", "AWARENESS", 2, "LOW"))).andExpect(status().isCreated());
		// the same year, role and level replaces the figure
		mvc.perform(bearer(post("/api/v1/training/needs"), de).contentType(MediaType.APPLICATION_JSON)
			.content(need(year, "MALWARE_ANALYST", "AWARENESS", 5, "HIGH")))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.country").value("DE"));
		mvc.perform(bearer(post("/api/v1/training/needs"), fr).contentType(MediaType.APPLICATION_JSON)
			.content(need(year, "MALWARE_ANALYST", "AWARENESS", 1, "MEDIUM"))).andExpect(status().isCreated());
		mvc.perform(bearer(get("/api/v1/training/needs").param("year", String.valueOf(year)), de))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].officials").value(5))
			.andExpect(jsonPath("$[0].priority").value("HIGH"));

		published(mvc, DemoTokens.token(mvc, "cepol.trainer"), courseJson("Malware basics", "MALWARE_ANALYST", "AWARENESS", "en",
				LocalDate.of(year, 4, 14), 2, 3, 2));

		String coverage = mvc.perform(bearer(get("/api/v1/training/coverage").param("year", String.valueOf(year)),
				DemoTokens.token(mvc, "europol.coordinator")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> rows = JsonPath.read(coverage, "$.rows[?(@.role == 'MALWARE_ANALYST' && @.level == 'AWARENESS')]");
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row).containsEntry("needed", 6).containsEntry("seats", 3).containsEntry("gap", 3);
		});
		List<Map<String, Object>> germany = JsonPath.read(coverage, "$.countries[?(@.country == 'DE' && @.role == 'MALWARE_ANALYST')]");
		assertThat(germany).singleElement().satisfies(row -> assertThat(row).containsEntry("needed", 5)
			.containsEntry("openToCountry", 2).containsEntry("taken", 0).containsEntry("gap", 3));
		List<Map<String, Object>> france = JsonPath.read(coverage, "$.countries[?(@.country == 'FR' && @.role == 'MALWARE_ANALYST')]");
		assertThat(france).singleElement().satisfies(row -> assertThat(row).containsEntry("gap", 0));

		MockHttpSession session = (MockHttpSession) mvc.perform(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestBuilders.formLogin("/login").user("europol.coordinator").password("demo"))
			.andReturn().getRequest().getSession();
		String page = mvc.perform(get("/training/coverage").param("year", String.valueOf(year)).session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("coverage-chart").contains("<svg").contains("Malware analyst").contains("3 missing")
			.doesNotContain("??");
	}

	@Test
	void onlyANationalUnitsCoordinatorRecordsItsNeeds() throws Exception {
		int year = LocalDate.now(ZoneOffset.UTC).getYear();
		String body = need(year, "JUDGE", "EXPERT", 1, "HIGH");
		mvc.perform(bearer(post("/api/v1/training/needs"), DemoTokens.token(mvc, "de.analyst"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
		mvc.perform(bearer(post("/api/v1/training/needs"), DemoTokens.token(mvc, "cepol.trainer"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
		mvc.perform(bearer(get("/api/v1/training/coverage"), DemoTokens.token(mvc, "de.analyst"))).andExpect(status().isForbidden());
		String de = DemoTokens.token(mvc, "de.training");
		mvc.perform(bearer(post("/api/v1/training/needs"), de).contentType(MediaType.APPLICATION_JSON)
			.content("{\"year\":1990,\"role\":\"WIZARD\",\"officials\":0}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.year").isNotEmpty())
			.andExpect(jsonPath("$.errors.role").isNotEmpty())
			.andExpect(jsonPath("$.errors.level").isNotEmpty())
			.andExpect(jsonPath("$.errors.officials").isNotEmpty())
			.andExpect(jsonPath("$.errors.priority").isNotEmpty());
		String id = JsonPath.read(mvc.perform(bearer(post("/api/v1/training/needs"), de).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		// another unit cannot delete it
		mvc.perform(bearer(delete("/api/v1/training/needs/" + id), DemoTokens.token(mvc, "fr.admin"))).andExpect(status().isNotFound());
		mvc.perform(bearer(delete("/api/v1/training/needs/" + id), de)).andExpect(status().isNoContent());
	}

	@Test
	void anOrganisationsAdministratorDesignatesItsTrainingCoordinators() throws Exception {
		String admin = DemoTokens.token(mvc, "fr.admin");
		String analystToken = DemoTokens.token(mvc, "fr.analyst");
		String body = need(LocalDate.now(ZoneOffset.UTC).getYear(), "ONLINE_INVESTIGATOR", "ADVANCED", 3, "HIGH");
		mvc.perform(bearer(post("/api/v1/training/needs"), analystToken).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		String analyst = JsonPath.read(mvc.perform(bearer(get("/api/v1/me"), analystToken)).andReturn().getResponse()
			.getContentAsString(), "$.userId");
		// only an administrator designates, and only people of their own organisation
		mvc.perform(bearer(put("/api/v1/training/coordinators/" + analyst), DemoTokens.token(mvc, "de.training")))
			.andExpect(status().isForbidden());
		mvc.perform(bearer(put("/api/v1/training/coordinators/" + analyst), DemoTokens.token(mvc, "admin")))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(bearer(put("/api/v1/training/coordinators/" + analyst), admin)).andExpect(status().isNoContent());
		mvc.perform(bearer(get("/api/v1/training/coordinators"), admin))
			.andExpect(jsonPath("$[*].username").value(org.hamcrest.Matchers.hasItems("fr.admin", "fr.analyst")));
		mvc.perform(bearer(post("/api/v1/training/needs"), analystToken).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated());
		mvc.perform(bearer(delete("/api/v1/training/coordinators/" + analyst), admin)).andExpect(status().isNoContent());
		mvc.perform(bearer(post("/api/v1/training/needs"), analystToken).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
	}
}
