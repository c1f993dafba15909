package eu.eccp.statistics;

import static eu.eccp.DemoTokens.bearer;
import static eu.eccp.DemoTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Statistics over the API, each test on reports of its own month of occurrence: every counting unit (reports,
 * victims, incidents, losses), currency conversion with the shipped rates, disclosure control, who sees which
 * country, the exports, and that figures reconcile with the reports they count (a few thousand through the bulk
 * import).
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-statistics-tests",
		"eccp.statistics.cluster-sync-interval=1s", "eccp.statistics.cluster-sync-margin=10s" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StatisticsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** Reports of a unit (fr.analyst) through the API: one per call, as given. */
	void report(String analyst, String json) throws Exception {
		mvc.perform(bearer(post("/api/v1/reports"), token(mvc, analyst)).contentType(MediaType.APPLICATION_JSON)
			.content(json)).andExpect(status().isCreated());
	}

	static String row(String offence, String month, List<String> victims, String extra) {
		return """
				{"offence":"%s","victimCountries":[%s],"occurredAt":"%s-10T12:00","timeZone":"UTC",
				 "description":"statistics test %s"%s}""".formatted(offence,
				String.join(",", victims.stream().map(v -> "\"" + v + "\"").toList()), month, UUID.randomUUID(), extra);
	}

	String statistics(String token, String query) throws Exception {
		return mvc.perform(bearer(get("/api/v1/statistics?" + query), token)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	/** Waits until the month's reports are all counted (the roll-up is updated after each batch commits). */
	void awaitCounted(String token, String month, int reports) {
		await("statistics count " + reports + " reports of " + month).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> JsonPath.<Integer>read(statistics(token, "basis=OCCURRED&from=" + month + "&to=" + month),
					"$.total.value"), n -> n != null && n == reports);
	}

	@Test
	void aReportCountsOnceAndOncePerVictimCountry() throws Exception {
		String statistician = token(mvc, "statistician");
		for (int i = 0; i < 6; i++) {
			report("fr.analyst", row("PHISHING", "2019-03", List.of("FR", "DE"), ""));
		}
		for (int i = 0; i < 5; i++) {
			report("fr.analyst", row("PHISHING", "2019-03", List.of("BE"), ""));
		}
		awaitCounted(statistician, "2019-03", 11);
		String reports = statistics(statistician, "basis=OCCURRED&from=2019-03&to=2019-03&dimensions=country");
		assertThat(value(reports, "country", "FR")).isEqualTo(6);
		assertThat(value(reports, "country", "BE")).isEqualTo(5);
		assertThat(JsonPath.<String>read(reports, "$.unit")).isEqualTo("reports");
		String victims = statistics(statistician,
				"measure=VICTIMS&basis=OCCURRED&from=2019-03&to=2019-03&dimensions=country");
		assertThat(value(victims, "country", "FR")).isEqualTo(6);
		assertThat(value(victims, "country", "DE")).isEqualTo(6);
		assertThat(value(victims, "country", "BE")).isEqualTo(5);
		assertThat(JsonPath.<Integer>read(victims, "$.total.value")).isEqualTo(17);
		// per 100,000 inhabitants with the shipped Eurostat table
		assertThat(StatisticsApiTests.<Double>first(reports, "$.cells[?(@.key.country == 'FR')].per100k"))
			.isEqualTo(Math.round(6 * 100_000.0 / 68_401_997 * 1000.0) / 1000.0);
		assertThat(JsonPath.<String>read(reports, "$.sources.population")).contains("Eurostat");
		assertThat(JsonPath.<Integer>read(reports, "$.sources.populationYear")).isEqualTo(2024);
	}

	@Test
	void lossesAreConvertedWithTheShippedRatesAndUnknownCurrenciesCountApart() throws Exception {
		String statistician = token(mvc, "statistician");
		for (int i = 0; i < 5; i++) {
			report("fr.analyst", row("FRAUD_INVESTMENT", "2019-04", List.of("FR"),
					",\"loss\":{\"amount\":\"103.89\",\"currency\":\"USD\"}"));
		}
		for (int i = 0; i < 5; i++) {
			report("fr.analyst", row("FRAUD_INVESTMENT", "2019-04", List.of("FR"),
					",\"loss\":{\"amount\":\"0.5\",\"currency\":\"UAH\"}"));
		}
		awaitCounted(statistician, "2019-04", 10);
		String losses = statistics(statistician, "measure=LOSSES&basis=OCCURRED&from=2019-04&to=2019-04");
		// 103.89 USD at 1.0389 USD per euro (ECB, 31 December 2024) is 100.00 EUR
		assertThat(JsonPath.<Integer>read(losses, "$.total.value")).isEqualTo(5);
		assertThat(new BigDecimal(JsonPath.read(losses, "$.total.amountEur").toString())).isEqualByComparingTo("500.00");
		assertThat(JsonPath.<String>read(losses, "$.unknownCurrencies[0].currency")).isEqualTo("UAH");
		assertThat(JsonPath.<Integer>read(losses, "$.unknownCurrencies[0].reports")).isEqualTo(5);
		assertThat(new BigDecimal(JsonPath.read(losses, "$.unknownCurrencies[0].amount").toString()))
			.isEqualByComparingTo("2.5");
		assertThat(JsonPath.<String>read(losses, "$.sources.exchangeRates")).contains("European Central Bank");
		assertThat(JsonPath.<String>read(losses, "$.sources.exchangeRatesDate")).isEqualTo("2024-12-31");
	}

	@Test
	void smallCellsAreSuppressedAndTheTotalDoesNotGiveThemAway() throws Exception {
		String statistician = token(mvc, "statistician");
		for (int i = 0; i < 3; i++) {
			report("fr.analyst", row("MALWARE_RANSOMWARE", "2019-05", List.of("NL"), ""));
		}
		for (int i = 0; i < 9; i++) {
			report("fr.analyst", row("MALWARE_RANSOMWARE", "2019-05", List.of("AT"), ""));
		}
		for (int i = 0; i < 12; i++) {
			report("fr.analyst", row("MALWARE_RANSOMWARE", "2019-05", List.of("IT"), ""));
		}
		awaitCounted(statistician, "2019-05", 24);
		String table = statistics(statistician, "basis=OCCURRED&from=2019-05&to=2019-05&dimensions=country");
		assertThat(StatisticsApiTests.<Boolean>first(table, "$.cells[?(@.key.country == 'NL')].suppressed")).isTrue();
		assertThat(StatisticsApiTests.<Map<String, Object>>first(table, "$.cells[?(@.key.country == 'NL')]"))
			.doesNotContainKeys("value", "per100k");
		// the smallest other cell is suppressed too: 24 - 12 would otherwise give NL's 3 away
		assertThat(StatisticsApiTests.<Boolean>first(table, "$.cells[?(@.key.country == 'AT')].suppressed")).isTrue();
		assertThat(value(table, "country", "IT")).isEqualTo(12);
		assertThat(JsonPath.<Integer>read(table, "$.total.value")).isEqualTo(24);
		assertThat(JsonPath.<String>read(table, "$.rule")).contains("1 to 4").contains("at least 5");
		// the public sees exactly the same figures
		String open = mvc.perform(get("/api/v1/public/statistics?basis=OCCURRED&from=2019-05&to=2019-05&dimensions=country"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<Object>read(open, "$.cells")).isEqualTo(JsonPath.read(table, "$.cells"));
	}

	@Test
	void linkedReportsCountAsOneIncident() throws Exception {
		String statistician = token(mvc, "statistician");
		String shared = "https://incident-" + UUID.randomUUID().toString().substring(0, 8) + ".example-shop.com/pay";
		for (int i = 0; i < 6; i++) {
			report(i % 2 == 0 ? "fr.analyst" : "de.analyst", """
					{"offence":"FRAUD_SHOPPING","victimCountries":["%s"],"occurredAt":"2019-06-10T12:00","timeZone":"UTC",
					 "description":"I paid at %s and never got anything (%s)"}""".formatted(i % 2 == 0 ? "FR" : "DE", shared,
					UUID.randomUUID()));
		}
		for (int i = 0; i < 5; i++) {
			report("fr.analyst", row("FRAUD_SHOPPING", "2019-06", List.of("FR"), ""));
		}
		awaitCounted(statistician, "2019-06", 11);
		await("correlation links the six reports").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
			.until(() -> jdbc.sql("""
					SELECT count(DISTINCT r.cluster_id) FROM correlation_record r JOIN report p ON p.id = r.source_id
					WHERE p.description LIKE :url""").param("url", "%" + shared + "%")
				.query(Long.class).single(), n -> n == 1);
		await("the six linked reports count as one incident").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> JsonPath.<Integer>read(statistics(statistician,
					"measure=INCIDENTS&basis=OCCURRED&from=2019-06&to=2019-06"), "$.total.value"), n -> n != null && n == 6);
	}

	@Test
	void aNationalUnitSeesItsOwnCountryOnly() throws Exception {
		String de = token(mvc, "de.analyst");
		mvc.perform(bearer(get("/api/v1/statistics?country=FR"), de)).andExpect(status().isForbidden());
		String own = statistics(de, "dimensions=country");
		assertThat(JsonPath.<List<String>>read(own, "$.filters.country")).containsExactly("DE");
		assertThat(JsonPath.<List<String>>read(own, "$.cells[*].key.country")).containsOnly("DE");
		mvc.perform(bearer(get("/api/v1/statistics"), token(mvc, "isp.partner"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/statistics")).andExpect(status().isUnauthorized());
	}

	@Test
	void badQuestionsGetProblemDetails() throws Exception {
		String statistician = token(mvc, "statistician");
		for (String query : List.of("measure=CRIMES", "dimensions=country,month,offence", "dimensions=planet",
				"from=2024-13", "from=2024-05&to=2024-01", "country=XX", "offence=NOPE", "format=xml", "iccs=abc",
				"rsit=Nothing", "basis=SOMETIME")) {
			mvc.perform(bearer(get("/api/v1/statistics?" + query), statistician))
				.andExpect(status().isUnprocessableContent())
				.andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("problem+json")));
		}
	}

	@Test
	void exportsSdmxCsvAndCsvWithoutSuppressedFigures() throws Exception {
		String statistician = token(mvc, "statistician");
		for (int i = 0; i < 2; i++) {
			report("fr.analyst", row("BOTNET", "2019-07", List.of("SE"), ""));
		}
		for (int i = 0; i < 7; i++) {
			report("fr.analyst", row("BOTNET", "2019-07", List.of("FI"), ""));
		}
		for (int i = 0; i < 8; i++) {
			report("fr.analyst", row("BOTNET", "2019-07", List.of("DK"), ""));
		}
		awaitCounted(statistician, "2019-07", 17);
		var sdmx = mvc.perform(bearer(get("/api/v1/statistics?basis=OCCURRED&from=2019-07&to=2019-07&dimensions=country,month"
				+ "&format=sdmx-csv"), statistician))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/vnd.sdmx.data+csv")))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
			.andReturn().getResponse().getContentAsString();
		List<String> lines = sdmx.lines().toList();
		assertThat(lines.get(0)).isEqualTo("DATAFLOW,FREQ,MEASURE,BASIS,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,CONF_STATUS");
		assertThat(lines).contains("ECCP:CYBERCRIME(1.0),M,REPORTS,OCCURRED,DK,2019-07,8,REPORTS,F");
		assertThat(lines).contains("ECCP:CYBERCRIME(1.0),M,REPORTS,OCCURRED,SE,2019-07,,REPORTS,C");
		assertThat(lines).contains("ECCP:CYBERCRIME(1.0),M,REPORTS,OCCURRED,FI,2019-07,,REPORTS,C");
		assertThat(lines).contains("ECCP:CYBERCRIME(1.0),M,REPORTS,OCCURRED,_T,2019-07,17,REPORTS,F");
		String csv = mvc.perform(bearer(get("/api/v1/statistics?basis=OCCURRED&from=2019-07&to=2019-07&dimensions=country"
				+ "&format=csv"), statistician))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(csv.lines().filter(l -> l.startsWith("SE,") || l.startsWith("FI,")))
			.allSatisfy(l -> assertThat(l).endsWith(",true").doesNotContain(",2,").doesNotContain(",7,"));
		assertThat(csv).contains("# Disclosure control");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'statistics.exported'").query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void thousandsOfBulkReportsReconcileWithEveryBreakdown() throws Exception {
		String bank = token(mvc, "bank.partner");
		String statistician = token(mvc, "statistician");
		List<String> offences = List.of("PHISHING", "FRAUD_CEO_BEC", "ILLEGAL_ACCESS", "DENIAL_OF_SERVICE");
		List<String> countries = List.of("FR", "DE", "ES", "PL", "IT");
		StringBuilder ndjson = new StringBuilder();
		int rows = 3000;
		for (int i = 0; i < rows; i++) {
			ndjson.append("{\"offence\":\"").append(offences.get(i % offences.size()))
				.append("\",\"victimCountries\":[\"").append(countries.get(i % countries.size())).append("\"]")
				.append(",\"occurredAt\":\"2018-").append(String.format("%02d", 1 + i % 12)).append("-15T10:00\",\"timeZone\":\"UTC\"")
				.append(",\"description\":\"bulk statistics ").append(i).append(' ').append(UUID.randomUUID()).append("\"}\n");
		}
		String job = mvc.perform(bearer(post("/api/v1/reports/bulk"), bank).contentType("application/x-ndjson")
			.content(ndjson.toString())).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
		assertThat(job).contains("\"id\"");
		await("the bulk reports counted").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
			.until(() -> JsonPath.<Integer>read(statistics(statistician, "basis=OCCURRED&from=2018-01&to=2018-12"),
					"$.total.value"), n -> n != null && n == rows);
		for (String dimension : List.of("country", "offence", "month", "kind", "iccs", "rsit")) {
			String table = statistics(statistician, "basis=OCCURRED&from=2018-01&to=2018-12&dimensions=" + dimension);
			List<Integer> values = JsonPath.read(table, "$.cells[*].value");
			assertThat(values).as("no cell of %s is small", dimension).doesNotContainNull();
			assertThat(values.stream().mapToInt(Integer::intValue).sum()).as("sum over %s", dimension).isEqualTo(rows);
		}
		String grid = statistics(statistician, "basis=OCCURRED&from=2018-01&to=2018-12&dimensions=country,offence");
		for (String country : countries) {
			List<Integer> cells = JsonPath.read(grid, "$.cells[?(@.key.country == '" + country + "')].value");
			Integer rowTotal = JsonPath.<List<Integer>>read(grid,
					"$.totals[?(@.key.country == '" + country + "' && !@.key.offence)].value").get(0);
			assertThat(cells.stream().mapToInt(Integer::intValue).sum()).isEqualTo(rowTotal).isEqualTo(rows / 5);
		}
		// the counted reports are the records themselves: the same count, straight from the reports
		long stored = jdbc.sql("""
				SELECT count(*) FROM report WHERE description LIKE 'bulk statistics %' AND duplicate_of IS NULL""")
			.query(Long.class).single();
		assertThat(stored).isEqualTo(rows);
		// a rebuild from reporting's records leaves every figure as it was
		Map<String, Object> before = JsonPath.read(grid, "$");
		jdbc.sql("UPDATE statistics_state SET value = '' WHERE key = 'rebuild.cursor'").update();
		rebuild.runIfDue();
		String after = statistics(statistician, "basis=OCCURRED&from=2018-01&to=2018-12&dimensions=country,offence");
		assertThat(JsonPath.<Object>read(after, "$.cells")).isEqualTo(before.get("cells"));
	}

	@Autowired
	eu.eccp.statistics.internal.RollupRebuild rebuild;

	static <T> T first(String json, String path) {
		List<T> found = JsonPath.read(json, path);
		assertThat(found).as(path).hasSize(1);
		return found.get(0);
	}

	static int value(String table, String dimension, String value) {
		List<Integer> found = JsonPath.read(table, "$.cells[?(@.key." + dimension + " == '" + value + "')].value");
		assertThat(found).as("%s %s", dimension, value).hasSize(1);
		return found.get(0);
	}
}
