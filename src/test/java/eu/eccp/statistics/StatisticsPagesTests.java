package eu.eccp.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Year;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The statistics pages: the public page needs no account, the analysis page is for statistical roles, a bad
 * question is a form error, and a national unit uploads its official figures (a bad file stores nothing).
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.statistics.batch-size=500" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StatisticsPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	MockHttpSession login(String user) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("demo")).andReturn().getRequest()
			.getSession();
	}

	@Test
	void thePublicPageNeedsNoAccountAndSpeaksFrench() throws Exception {
		String page = mvc.perform(get("/statistics?lang=fr")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Statistiques de la cybercriminalité").contains("Secret statistique")
			.contains("statistics-table").contains("/dist/chart.umd.js");
		mvc.perform(get("/statistics/download?format=sdmx-csv")).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/vnd.sdmx.data+csv")));
		mvc.perform(get("/statistics?measure=NOPE")).andExpect(status().isBadRequest());
		mvc.perform(get("/statistics/analysis")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theAnalysisPageIsForStatisticalRoles() throws Exception {
		String page = mvc.perform(get("/statistics/analysis?dimension=COUNTRY&dimension2=MONTH").session(login("statistician")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("removal-figures").contains("request-figures").contains("statistics-chart");
		mvc.perform(get("/statistics/analysis").session(login("isp.partner"))).andExpect(status().isForbidden());
	}

	@Test
	void aNationalUnitUploadsItsOfficialFiguresBesideThePlatformCounts() throws Exception {
		MockHttpSession fr = login("fr.analyst");
		int year = Year.now().getValue() - 1;
		String csv = "year,iccs_code,recorded,source\n" + year + ",0903,1234,Ministère de l'Intérieur, SSMSI " + year + "\n";
		// a comma inside the source needs quotes: this line has five fields, so nothing is stored
		mvc.perform(multipart("/statistics/national-figures").file(new MockMultipartFile("file", "fr.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))).session(fr).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("SELECT count(*) FROM statistics_national_figure").query(Long.class).single()).isZero();
		String good = "year,iccs_code,recorded,source\n" + year + ",0903,1234,\"Ministère de l'Intérieur, SSMSI " + year
				+ "\"\n" + year + ",07011,5678,\"Ministère de l'Intérieur, SSMSI " + year + "\"\n";
		mvc.perform(multipart("/statistics/national-figures").file(new MockMultipartFile("file", "fr.csv", "text/csv",
				good.getBytes(StandardCharsets.UTF_8))).session(fr).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT count(*) FROM statistics_national_figure WHERE country = 'FR'").query(Long.class)
			.single()).isEqualTo(2);
		String page = mvc.perform(get("/statistics/national-figures").session(fr)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("1234").contains("5678").contains("SSMSI");
		// the German unit sees only its own country's figures
		String german = mvc.perform(get("/statistics/national-figures").session(login("de.analyst")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(german).doesNotContain("1234");
		mvc.perform(get("/statistics/national-figures/template.csv").session(fr)).andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")));
	}
}
