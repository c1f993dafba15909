package eu.eccp.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.HeadlessBrowser;

/**
 * In a real browser: France opens a case from a cross-border hit, invites Germany; Germany accepts the
 * invitation and adds evidence, whose SHA-256 both units then see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-cases-browser" })
@ActiveProfiles("test")
class CasesBrowserTests {

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

	WebDriverWait waiting() {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	static void screenshot(String name) {
		HeadlessBrowser.screenshot(browser, name);
	}

	void logInAs(String username) {
		HeadlessBrowser.logIn(browser, url(""), username);
	}

	/** A citizen's report through the public JSON intake; returns its reference. */
	String reportVia(String address, String country) {
		browser.get(url("/report?lang=en"));
		Object reference = ((JavascriptExecutor) browser).executeScript("""
				return fetch('/api/v1/public/reports', {method: 'POST', headers: {'Content-Type': 'application/json'},
				  body: JSON.stringify({offence: 'PHISHING', victimCountries: [arguments[1]], description: 'Phishing link ' + arguments[0]})})
				  .then(r => r.status === 201 ? r.json() : {reference: 'HTTP ' + r.status}).then(j => j.reference)""", address, country);
		assertThat((String) reference).startsWith("ECCP-");
		return (String) reference;
	}

	@Test
	void franceOpensACaseFromAHitInvitesGermanyWhichJoinsAndAddsEvidence() throws Exception {
		String host = "wallet-" + UUID.randomUUID().toString().substring(0, 8) + ".bank-verify.com";
		reportVia("hxxps://" + host.replace(".", "[.]") + "/login", "FR");
		reportVia("https://" + host + "/login", "DE");

		logInAs("fr.analyst");
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
			driver.get(url("/hits"));
			return driver.getPageSource().contains(host.replace(".", "[.]"));
		});
		browser.findElement(By.xpath("//tr[.//code[contains(., '" + host.replace(".", "[.]") + "')]]//a[contains(@href, '/hits/')]"))
			.click();
		HeadlessBrowser.clickThrough(browser, waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("open-case-from-hit"))), By.id("case-sources"));
		browser.findElement(By.id("title")).sendKeys("Wallet phishing shared with DE");
		browser.findElement(By.id("summary")).sendKeys("Same phishing page reported in FR and DE.");
		new Select(browser.findElement(By.id("tlp"))).selectByValue("AMBER");
		screenshot("case-open-form");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("case-submit")), By.id("case-reference"));
		String reference = browser.findElement(By.id("case-reference")).getText();
		assertThat(reference).matches("C-\\d{4}-\\d{6}");
		assertThat(browser.findElement(By.id("case-links")).getText()).contains("Hit").contains("Report")
			.contains(host.replace(".", "[.]"));
		new Select(browser.findElement(By.id("invite-organisation"))).selectByValue("de-unit");
		browser.findElement(By.id("invite-note")).sendKeys("Your report matches ours");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("invite-submit")), By.id("case-notice"));
		assertThat(browser.findElement(By.id("case-members")).getText()).contains("Germany National Cyber Crime Unit")
			.contains("Invited");
		String caseUrl = browser.getCurrentUrl().replaceAll("#.*$", "");

		logInAs("de.analyst");
		assertThat(browser.findElement(By.id("panel-cases")).getText()).contains("Invitations waiting for an answer: 1.");
		browser.get(url("/cases"));
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.xpath("//ul[@id='case-invitations']//a[contains(., '" + reference + "')]")), By.id("invitation-facts"));
		assertThat(browser.findElement(By.id("invitation-facts")).getText()).contains("Wallet phishing shared with DE")
			.contains("Your report matches ours").doesNotContain("Same phishing page");
		screenshot("case-invitation");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("accept-invitation")), By.id("evidence-form"));
		byte[] content = ("Access log of https://" + host + "/login\n203.0.113.7 - - GET /login 200\n")
			.getBytes(StandardCharsets.UTF_8);
		Path file = Files.createTempFile("access-log", ".txt");
		Files.write(file, content);
		browser.findElement(By.id("evidence-file")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.id("evidence-description")).sendKeys("Web server access log");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("evidence-submit")), By.id("case-evidence"));
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		assertThat(browser.findElement(By.id("case-evidence")).getText()).contains(file.getFileName().toString()).contains(sha256);
		assertThat(browser.findElement(By.id("case-timeline")).getText()).contains("joined the case").contains("Evidence added");
		screenshot("case-evidence");

		String laterReport = reportVia("https://" + host + "/second-wave", "FR");
		logInAs("fr.analyst");
		browser.get(caseUrl);
		browser.findElement(By.id("link-reference")).sendKeys(laterReport);
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("link-submit")), By.id("case-notice"));
		assertThat(browser.findElement(By.id("case-links")).getText()).contains(laterReport);
		assertThat(browser.findElement(By.id("case-evidence")).getText()).contains(sha256).contains("Jonas Weber");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.xpath("//table[@id='case-evidence']//a")), By.id("custody"));
		assertThat(browser.findElement(By.id("evidence-sha256")).getText()).isEqualTo(sha256);
		assertThat(browser.findElement(By.id("custody")).getText()).contains("Added").contains("Viewed");
		screenshot("case-custody");
		Files.deleteIfExists(file);
	}
}
