package eu.eccp.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.HeadlessBrowser;

/**
 * A citizen reports a phishing e-mail in a real browser, in English and in French: the guided form, the
 * reference and status code, the status page, adding information. An analyst of the competent unit then
 * triages it, and the citizen sees the status follow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-reporting-browser" })
@ActiveProfiles("test")
class ReportingBrowserTests {

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

	@BeforeEach
	void fresh() {
		browser.manage().deleteAllCookies();
	}

	static String text(String language, String key) {
		return HeadlessBrowser.message(language, key);
	}

	/** Saves what the person sees to target/screenshots, for reviewers. */
	static void screenshot(String name) {
		HeadlessBrowser.screenshot(browser, name);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	WebDriverWait waiting() {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	/** Fills in and sends the public form; returns the reference and the status code shown once. */
	String[] reportPhishing(String language, String description) throws IOException {
		browser.get(url("/report?lang=" + language));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text(language, "report.form.heading"));
		browser.findElement(By.id("offence-PHISHING")).click();
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("document.getElementById('occurredAt').value = '2026-11-28T14:30'");
		new Select(browser.findElement(By.id("victimCountries"))).selectByValue("FR");
		new Select(browser.findElement(By.id("residenceCountry"))).selectByValue("FR");
		browser.findElement(By.id("loss-amount")).sendKeys("120.50");
		new Select(browser.findElement(By.id("loss-currency"))).selectByValue("EUR");
		browser.findElement(By.id("description")).sendKeys(description);
		browser.findElement(By.id("details-urls")).sendKeys("hxxps://bank-secure[.]example/login");
		browser.findElement(By.id("details-emails")).sendKeys("support@bank-secure.example");
		browser.findElement(By.id("contact-email")).sendKeys("reporter@example.org");
		screenshot("report-form-" + language);
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("report-submit")), By.id("report-reference"));
		screenshot("report-receipt-" + language);
		assertThat(browser.findElement(By.id("submitted-heading")).getText()).isEqualTo(text(language, "report.submitted.heading"));
		return new String[] { browser.findElement(By.id("report-reference")).getText(),
				browser.findElement(By.id("status-token")).getText() };
	}

	void openStatus(String reference, String token) {
		browser.get(url("/report/status"));
		browser.findElement(By.id("reference")).sendKeys(reference);
		browser.findElement(By.id("token")).sendKeys(token);
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("status-submit")), By.id("report-status"));
	}

	@Test
	void aCitizenReportsAPhishingMailInEnglishAndAddsInformationLater() throws IOException {
		String[] receipt = reportPhishing("en", "A fake e-mail from my bank asked me to log in. " + UUID.randomUUID());
		assertThat(receipt[0]).startsWith("ECCP-");

		browser.findElement(By.id("to-status")).click();
		openStatus(receipt[0], receipt[1]);
		assertThat(browser.findElement(By.id("report-status")).getText()).isEqualTo(text("en", "reportstatus.RECEIVED.public"));

		browser.findElement(By.id("text")).sendKeys("They also phoned me from +33 6 12 34 56 78.");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("add-submit")), By.id("status-notice"));
		assertThat(browser.findElement(By.id("status-notice")).getText()).isEqualTo(text("en", "report.status.added"));
		assertThat(browser.findElement(By.id("history")).getText()).contains("They also phoned me from +33 6 12 34 56 78.");
		screenshot("report-status-en");

		browser.get(url("/report/status"));
		browser.findElement(By.id("reference")).sendKeys(receipt[0]);
		browser.findElement(By.id("token")).sendKeys("not-the-code");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("status-submit")), By.id("status-error"));
		assertThat(browser.findElement(By.id("status-error")).getText()).isEqualTo(text("en", "report.status.notFound"));
		assertThat(browser.getPageSource()).doesNotContain("They also phoned me");
	}

	@Test
	void aCitizenReportsInFrenchAndSeesTheAnalystsTriageFollow() throws IOException {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		String[] receipt = reportPhishing("fr", "Un faux courriel de ma banque " + marker);
		openStatus(receipt[0], receipt[1]);
		assertThat(browser.findElement(By.id("report-status")).getText()).isEqualTo(text("fr", "reportstatus.RECEIVED.public"));

		browser.manage().deleteAllCookies();
		browser.get(url("/login?lang=en"));
		browser.findElement(By.id("username")).sendKeys("fr.analyst");
		browser.findElement(By.id("password")).sendKeys("demo");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("login-submit")), By.id("dashboard-heading"));
		browser.get(url("/reports?q=" + marker));
		waiting().until(ExpectedConditions.elementToBeClickable(By.linkText(receipt[0])));
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.linkText(receipt[0])), By.id("detail-reference"));
		assertThat(browser.findElement(By.id("detail-description")).getText()).contains(marker);
		assertThat(browser.findElements(By.id("reporter-contact"))).as("contact details only on request").isEmpty();
		browser.findElement(By.id("show-contact")).click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reporter-contact")));
		assertThat(browser.findElement(By.id("reporter-contact")).getText()).contains("reporter@example.org");
		screenshot("reports-detail");

		new Select(browser.findElement(By.id("new-status"))).selectByValue("IN_REVIEW");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("status-change-submit")), By.id("detail-notice"));
		assertThat(browser.findElement(By.id("detail-status")).getText()).isEqualTo(text("en", "reportstatus.IN_REVIEW"));

		browser.manage().deleteAllCookies();
		browser.get(url("/report/status?lang=fr"));
		openStatus(receipt[0], receipt[1]);
		assertThat(browser.findElement(By.id("report-status")).getText()).isEqualTo(text("fr", "reportstatus.IN_REVIEW.public"));
	}

	@Test
	void twoCountriesReportingTheSameAddressMeetOnTheHitsAndClusterPages() throws IOException {
		String host = "pay-" + UUID.randomUUID().toString().substring(0, 8) + ".bank-verify.com";
		reportVia("fr", "hxxps://" + host.replace(".", "[.]") + "/x", "FR");
		reportVia("de", "https://" + host + "/x", "DE");

		browser.get(url("/login?lang=en"));
		browser.findElement(By.id("username")).sendKeys("fr.analyst");
		browser.findElement(By.id("password")).sendKeys("demo");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("login-submit")), By.id("dashboard-heading"));
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
			driver.get(url("/hits"));
			return driver.getPageSource().contains(host.replace(".", "[.]"));
		});
		screenshot("hits-inbox");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.xpath("//tr[.//code[contains(., '" + host.replace(".", "[.]") + "')]]//a[contains(@href, '/hits/')]")), By.id("hit-holders"));
		assertThat(browser.findElement(By.id("hit-holders")).getText()).contains("Germany National Cyber Crime Unit")
			.contains("Germany 24/7 Contact Point");
		screenshot("hit-detail");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("hit-cluster")), By.id("cluster-graph"));
		assertThat(browser.findElements(By.cssSelector("#cluster-graph circle"))).hasSize(2);
		assertThat(browser.findElements(By.cssSelector("#cluster-timeline li"))).hasSize(2);
		// nodes are labelled: France's own report by its reference and country, Germany's only by its country
		List<String> labels = browser.findElements(By.cssSelector("#cluster-graph .node-label")).stream()
			.map(e -> e.getAttribute("textContent")).toList();
		assertThat(labels).anyMatch(l -> l.matches("ECCP-[0-9A-Z-]+ · FR")).contains("DE");
		// each link says which value links and how: the URL exactly, its host as a weaker (dashed, labelled) link
		List<String> links = browser.findElements(By.cssSelector("#cluster-graph .edge title")).stream()
			.map(e -> e.getAttribute("textContent")).toList();
		assertThat(links).contains("URL https://" + host + "/x (exact match)").contains("DOMAIN " + host + " (same host)");
		assertThat(browser.findElements(By.cssSelector("#cluster-graph .edge.related .edge-label")))
			.extracting(e -> e.getAttribute("textContent")).contains("same host");
		screenshot("cluster-graph");
	}

	/** A citizen's report, through the public JSON intake, from one country about an address. */
	void reportVia(String language, String address, String country) {
		browser.get(url("/report?lang=" + language));
		Object status = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
				return fetch('/api/v1/public/reports', {method: 'POST', headers: {'Content-Type': 'application/json'},
				  body: JSON.stringify({offence: 'PHISHING', victimCountries: [arguments[1]], description: 'Phishing link ' + arguments[0]})})
				  .then(r => r.status)""", address, country);
		assertThat(((Number) status).intValue()).isEqualTo(201);
	}

	@Test
	void theFormNamesEveryFieldToCorrect() throws IOException {
		browser.get(url("/report?lang=en"));
		browser.findElement(By.id("description")).sendKeys("short");
		browser.findElement(By.id("details-ibans")).sendKeys("FR14 2004 1010 0505 0001 3M02 607");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("report-submit")), By.id("error-summary"));
		String summary = browser.findElement(By.id("error-summary")).getText();
		screenshot("report-form-errors");
		assertThat(summary).contains(text("en", "validation.offence"), text("en", "validation.description"),
				text("en", "validation.iban"));
		assertThat(browser.findElement(By.id("details-ibans")).getAttribute("value")).contains("FR14 2004");
	}
}
