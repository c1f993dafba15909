package eu.eccp.takedown;

import static eu.eccp.DemoTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * Every item keeps its timestamps; the hotline sees the median and 90th percentile of the time from report to
 * removal by hosting country, host and category, as JSON, on its page and as CSV; others see only their items.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-takedown-ttr-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TimeToRemovalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RemovalChecks checks;

	@Test
	void medianAndNinetiethPercentileByHostingCountryHostAndCategory() throws Exception {
		String fr = DemoTokens.token(mvc, "fr.hotline");
		List<String> ids = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-reports"), fr).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"category":"RACIST_XENOPHOBIC_HATE","urls":["https://a.ttr.example.com/1","https://a.ttr.example.com/2",
					 "https://a.ttr.example.com/3","https://b.ttr.example.com/4"]}"""))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.items[*].itemId");
		int[] minutes = { 60, 120, 600, -1 };
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments"), fr).contentType(MediaType.APPLICATION_JSON)
				.content("{\"category\":\"RACIST_XENOPHOBIC_INCITEMENT\",\"reason\":\"Incitement.\"}"))
				.andExpect(status().isCreated());
			mvc.perform(bearer(put("/api/v1/content-items/" + id + "/hosting"), fr).contentType(MediaType.APPLICATION_JSON)
				.content(i < 3 ? "{\"country\":\"NL\",\"hostOrganisation\":\"hosting\"}" : "{\"country\":\"DE\",\"provider\":\"Other GmbH\"}"))
				.andExpect(status().isOk());
			if (minutes[i] > 0) {
				// the host said it removed it this many minutes after the report
				jdbc.sql("UPDATE content_item SET removed_at = reported_at + make_interval(mins => :m), status = 'REMOVED' "
						+ "WHERE id = CAST(:id AS uuid)").param("m", minutes[i]).param("id", id).update();
			}
		}
		mvc.perform(bearer(get("/api/v1/content-items/time-to-removal").param("by", "country"), fr))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.key == 'NL')].removed").value(org.hamcrest.Matchers.contains(3)))
			.andExpect(jsonPath("$[?(@.key == 'NL')].medianMinutes").value(org.hamcrest.Matchers.contains(120.0)))
			.andExpect(jsonPath("$[?(@.key == 'NL')].p90Minutes").value(org.hamcrest.Matchers.contains(504.0)))
			.andExpect(jsonPath("$[?(@.key == 'DE')].open").value(org.hamcrest.Matchers.contains(1)));
		mvc.perform(bearer(get("/api/v1/content-items/time-to-removal").param("by", "host"), fr))
			.andExpect(jsonPath("$[?(@.key == 'Demo Hosting Provider')].medianMinutes").value(org.hamcrest.Matchers.contains(120.0)));
		mvc.perform(bearer(get("/api/v1/content-items/time-to-removal").param("by", "category"), fr))
			.andExpect(jsonPath("$[0].key").value("RACIST_XENOPHOBIC_INCITEMENT"))
			.andExpect(jsonPath("$[0].removed").value(3));
		mvc.perform(bearer(get("/api/v1/content-items/time-to-removal").param("by", "weather"), fr))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.by").isNotEmpty());

		String csv = mvc.perform(bearer(get("/api/v1/content-items/time-to-removal.csv").param("by", "country"), fr))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(csv.lines().toList()).containsExactly("country,removed,open,median_minutes,p90_minutes", "DE,0,1,,",
				"NL,3,0,120.0,504.0");

		// another hotline takes part in none of these items
		mvc.perform(bearer(get("/api/v1/content-items/time-to-removal"), DemoTokens.token(mvc, "de.hotline")))
			.andExpect(jsonPath("$.length()").value(0));

		MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("fr.hotline").password("demo"))
			.andReturn().getRequest().getSession();
		String page = mvc.perform(get("/takedown/statistics").session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"table-COUNTRY\"").contains("2 h").contains("8 h");
		String item = mvc.perform(get("/takedown/items/" + ids.get(1)).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(item).contains("id=\"item-time-to-removal\"");
	}

	@Test
	void aRemovalCheckThatSeesTheItemGoneRecordsWhenAndClosesIt() throws Exception {
		String nl = DemoTokens.token(mvc, "nl.hotline");
		String id = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-reports"), nl).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"OTHER_ILLEGAL_CONTENT\",\"urls\":[\"https://check.ttr-other.example.com/x\"]}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.items[0].itemId");
		ItemId item = new ItemId(java.util.UUID.fromString(id));
		assertThat(checks.openItems(500)).extracting(RemovalChecks.Target::item).doesNotContain(item);
		mvc.perform(bearer(post("/api/v1/content-items/" + id + "/assessments"), nl).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"OTHER_ILLEGAL\",\"reason\":\"Illegal trade.\"}"))
			.andExpect(status().isCreated());
		assertThat(checks.openItems(500)).extracting(RemovalChecks.Target::item).contains(item);
		java.time.Instant seen = java.time.Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		checks.observed(item, RemovalChecks.Outcome.REMOVED, seen);
		checks.observed(item, RemovalChecks.Outcome.REMOVED, seen.plusSeconds(60));
		mvc.perform(bearer(get("/api/v1/content-items/" + id), nl))
			.andExpect(jsonPath("$.item.status").value("REMOVED"))
			.andExpect(jsonPath("$.item.timestamps.removalSeen").value(seen.toString()))
			.andExpect(jsonPath("$.timeline[?(@.kind == 'CHECK_REMOVED')]").value(org.hamcrest.Matchers.hasSize(1)));
		assertThat(checks.openItems(500)).extracting(RemovalChecks.Target::item).doesNotContain(item);
	}
}
