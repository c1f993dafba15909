package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.HeadlessBrowser;
import eu.eccp.PageChecks;

/**
 * The platform as its people meet it, in French and in German: a citizen, an analyst, an ISP's contact
 * point and a data-protection officer walk their usual path, and on every page they visit no raw value
 * (enum constant, message key, topic) shows, nothing overflows at 1366 or 390 px, and axe-core finds no
 * WCAG 2.1 A/AA violation ({@link PageChecks}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eccp.demo=true")
@ActiveProfiles("test")
class WalkthroughBrowserTests {

	static WebDriver browser;

	@LocalServerPort
	int port;

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

	/** Opens a page and runs every check on it. */
	void visit(String path, String language) {
		browser.get(url(path));
		checked(language, path);
	}

	void checked(String language, String name) {
		HeadlessBrowser.waiting(browser).until(driver -> "complete".equals(
				((JavascriptExecutor) driver).executeScript("return document.readyState")));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as("lang of %s", name).isEqualTo(language);
		HeadlessBrowser.screenshot(browser, "walk-" + language + name.replaceAll("[^a-zA-Z0-9]+", "-"));
		PageChecks.check(browser, language);
	}

	@org.junit.jupiter.api.Test
	void theChecksFindRawValuesOverflowAndAccessibilityFaults() {
		browser.get("data:text/html;charset=utf-8,<!DOCTYPE html><html><head><title>t</title></head><body>"
				+ "<p>Status IN_REVIEW, channel PUBLIC_WEB, topic hit.found, found in details.emails, victim-country:FR, ??reports.x??</p>"
				+ "<img src='x.png'><div style='width:1500px'>wide</div></body></html>");
		assertThat(PageChecks.rawValues(browser, "fr")).contains("IN_REVIEW", "PUBLIC_WEB", "hit.found", "details.emails",
				"victim-country:", "??reports.x??");
		assertThat(PageChecks.overflow(browser)).hasSize(2);
		assertThat(PageChecks.accessibilityViolations(browser)).anyMatch(v -> v.startsWith("image-alt"))
			.anyMatch(v -> v.startsWith("html-has-lang"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "de" })
	void aCitizenReportsAndFollowsTheirReport(String language) {
		browser.manage().deleteAllCookies();
		visit("/?lang=" + language, language);
		browser.findElement(By.id("start-report")).click();
		checked(language, "/report");
		browser.findElement(By.id("offence-PHISHING")).click();
		browser.findElement(By.id("description")).sendKeys("Un faux site de ma banque me demande mon mot de passe. "
				+ "https://walk-" + language + ".bank-login.example/ " + UUID.randomUUID());
		browser.findElement(By.id("report-submit")).click();
		HeadlessBrowser.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("submitted-heading")));
		checked(language, "/report/submitted");
		String reference = browser.findElement(By.id("report-reference")).getText();
		String token = browser.findElement(By.id("status-token")).getText();
		assertThat(browser.getCurrentUrl()).as("post/redirect/get").endsWith("/report/submitted");
		browser.findElement(By.id("to-status")).click();
		checked(language, "/report/status");
		assertThat(browser.findElement(By.id("reference")).getAttribute("value")).as("reference filled in").isEqualTo(reference);
		browser.findElement(By.id("token")).sendKeys(token);
		browser.findElement(By.id("status-submit")).click();
		HeadlessBrowser.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("report-status")));
		checked(language, "/report/status/view");
		visit("/no-such-page", language);
		assertThat(browser.findElement(By.id("error-heading")).getText()).contains("404");
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "de" })
	void anAnalystTriagesReportsHitsAndCases(String language) throws Exception {
		String country = language.equals("fr") ? "FR" : "DE";
		String marker = "walk" + UUID.randomUUID().toString().substring(0, 8);
		String reference = publicReport(country, marker);
		HeadlessBrowser.logIn(browser, url(""), language + ".analyst", language);
		checked(language, "/dashboard");
		visit("/reports", language);
		browser.get(url("/reports?q=" + marker));
		browser.findElement(By.linkText(reference)).click();
		HeadlessBrowser.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("detail-reference")));
		checked(language, "/reports/detail");
		browser.findElement(By.id("show-contact")).click();
		HeadlessBrowser.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("reporter-contact")));
		checked(language, "/reports/detail-with-contact");
		browser.findElement(By.id("open-case-from-report")).click();
		HeadlessBrowser.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("case-form")));
		checked(language, "/cases/new-from-report");
		assertThat(browser.findElement(By.id("title")).getAttribute("value")).as("title proposed").contains(reference);
		browser.findElement(By.id("case-submit")).click();
		HeadlessBrowser.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("case-reference")));
		checked(language, "/cases/case");
		visit("/hits", language);
		visit("/cases", language);
		visit("/cases/new", language);
		visit("/indicators?q=hxxps://x[.]net/", language);
		visit("/contact-points", language);
		visit("/requests", language);
		visit("/requests/new", language);
		visit("/notifications", language);
		visit("/account/security", language);
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "de" })
	void anIspContactPointAnswersRequestsAndSubmitsReports(String language) {
		HeadlessBrowser.logIn(browser, url(""), "isp.partner", language);
		checked(language, "/dashboard");
		visit("/requests", language);
		visit("/contact-points", language);
		visit("/reports/submitted", language);
		visit("/reports/new", language);
		visit("/reports/bulk", language);
		visit("/notifications", language);
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "de" })
	void aDataProtectionOfficerReviewsTheAuditTrail(String language) {
		HeadlessBrowser.logIn(browser, url(""), "dpo", language);
		checked(language, "/dashboard");
		visit("/audit", language);
		browser.findElement(By.id("verify-chain")).click();
		HeadlessBrowser.waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("verification-result")));
		checked(language, "/audit/verification");
	}

	/** A public report through the public API (the citizen's path is walked above), routed by its victim country. */
	String publicReport(String country, String marker) throws Exception {
		String body = """
				{"offence":"PHISHING","victimCountries":["%s"],"residenceCountry":"%s","description":"Fake parcel fee at https://walk-%s.parcel-fee.example/pay %s","details":{"emails":["fees@parcel-fee.example"]},"contact":{"email":"walker@example.org","language":"de"},"consentToContact":true}"""
			.formatted(country, country, marker, marker);
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/public/reports")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return com.jayway.jsonpath.JsonPath.read(response.body(), "$.reference");
	}
}
