package eu.eccp.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.HeadlessBrowser;
import eu.eccp.PageChecks;

/**
 * Done when (issue 17): the statistician sees a chart and its table of phishing reports per 100,000 inhabitants by
 * country, exports SDMX-CSV, and the public page shows the same figures with small cells suppressed, in French too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eccp.demo=true", "eccp.statistics.cluster-sync-interval=5s" })
@ActiveProfiles("test")
class StatisticsBrowserTests {

	static WebDriver browser;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessBrowser.start();
	}

	@AfterAll
	static void stopBrowser() {
		HeadlessBrowser.stop(browser);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	String token(String username) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/token")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"demo\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		return JsonPath.read(response.body(), "$.token");
	}

	void phishing(String token, String victim, int times) throws Exception {
		for (int i = 0; i < times; i++) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/reports")))
				.header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"offence":"PHISHING","victimCountries":["%s"],"description":"A fake bank page %s"}"""
					.formatted(victim, UUID.randomUUID()))).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(201);
		}
	}

	@Test
	void theStatisticianChartsPhishingPer100000AndThePublicSeesTheSameFiguresSuppressed() throws Exception {
		String fr = token("fr.analyst");
		phishing(fr, "FR", 12);
		phishing(fr, "NL", 9);
		phishing(fr, "DE", 7);
		phishing(fr, "BE", 2);
		await("the 30 phishing reports counted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
			.until(() -> JsonPath.<Integer>read(http.send(HttpRequest.newBuilder(URI.create(
					url("/api/v1/public/statistics?offence=PHISHING"))).build(), HttpResponse.BodyHandlers.ofString()).body(),
					"$.total.value"), n -> n != null && n == 30);

		HeadlessBrowser.logIn(browser, url(""), "statistician");
		String question = "?offence=PHISHING&dimension=COUNTRY&rate=per100k";
		browser.get(url("/statistics/analysis" + question));
		HeadlessBrowser.waiting(browser).until(driver -> "true".equals(
				driver.findElement(By.id("statistics-chart")).getAttribute("data-drawn")));
		assertThat(browser.findElement(By.id("statistics-caption")).getText()).contains("per 100,000 inhabitants")
			.contains("reports");
		List<String> staffRows = rows();
		// 12 reports in France, 68,401,997 inhabitants on 1 January 2024
		assertThat(staffRows).contains("France | 12 | " + Math.round(12 * 100_000.0 / 68_401_997 * 1000.0) / 1000.0,
				"Netherlands | 9 | " + Math.round(9 * 100_000.0 / 17_942_942 * 1000.0) / 1000.0, "Belgium | ◼ | –", "Germany | ◼ | –");
		assertThat(browser.findElement(By.id("statistics-disclosure-rule")).getText()).contains("1 to 4");
		assertThat(browser.findElement(By.id("statistics-sources")).getText()).contains("Eurostat").contains("2024")
			.contains("European Central Bank");
		HeadlessBrowser.screenshot(browser, "statistics-analysis");
		PageChecks.check(browser, "en");

		String sdmxLink = browser.findElement(By.id("download-sdmx")).getAttribute("href");
		Cookie session = browser.manage().getCookieNamed("JSESSIONID");
		HttpResponse<String> sdmx = http.send(HttpRequest.newBuilder(URI.create(sdmxLink))
			.header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sdmx.statusCode()).isEqualTo(200);
		assertThat(sdmx.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.sdmx.data+csv");
		assertThat(sdmx.body().lines()).first().asString().startsWith("DATAFLOW,FREQ,MEASURE,BASIS,REF_AREA,TIME_PERIOD,OBS_VALUE");
		assertThat(sdmx.body()).contains(",REPORTS,REPORTED,FR,").contains(",12,REPORTS,F")
			.contains(",REPORTS,REPORTED,BE,").contains(",,REPORTS,C");

		browser.manage().deleteAllCookies();
		browser.get(url("/statistics" + question + "&lang=fr"));
		HeadlessBrowser.waiting(browser).until(driver -> "true".equals(
				driver.findElement(By.id("statistics-chart")).getAttribute("data-drawn")));
		List<String> publicRows = rows();
		assertThat(publicRows).contains("France | 12 | " + Math.round(12 * 100_000.0 / 68_401_997 * 1000.0) / 1000.0,
				"Belgique | ◼ | –", "Allemagne | ◼ | –");
		assertThat(publicRows).hasSameSizeAs(staffRows);
		assertThat(browser.findElement(By.id("statistics-disclosure-rule")).getText()).contains("1 à 4");
		HeadlessBrowser.screenshot(browser, "statistics-public-fr");
		PageChecks.check(browser, "fr");
	}

	/** The table's body rows as "country | reports | per 100,000". */
	static List<String> rows() {
		return browser.findElements(By.cssSelector("#statistics-table tbody tr")).stream()
			.map(row -> row.findElement(By.tagName("th")).getText() + " | "
					+ String.join(" | ", row.findElements(By.tagName("td")).stream().limit(2).map(WebElement::getText).toList()))
			.toList();
	}
}
