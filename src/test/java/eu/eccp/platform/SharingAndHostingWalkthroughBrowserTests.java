package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.HeadlessBrowser;
import eu.eccp.PageChecks;

/**
 * The sharing and hosting pages as a coordinator and the platform's administrator meet them, in French and in
 * German, with the checks of every walkthrough on every page ({@link PageChecks}: no raw value, no overflow at
 * 1366 or 390 px, no axe-core violation of WCAG 2.1 A/AA), a refused form included: a sharing agreement without
 * its fields, a network row with a bad AS number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eccp.demo=true")
@ActiveProfiles("test")
class SharingAndHostingWalkthroughBrowserTests {

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

	void checked(String language, String name) {
		HeadlessBrowser.waiting(browser).until(driver -> "complete".equals(
				((JavascriptExecutor) driver).executeScript("return document.readyState")));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as("lang of %s", name).isEqualTo(language);
		HeadlessBrowser.screenshot(browser, "walk-" + language + name.replaceAll("[^a-zA-Z0-9]+", "-"));
		PageChecks.check(browser, language);
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "de" })
	void aCoordinatorMakesASharingAgreement(String language) {
		HeadlessBrowser.logIn(browser, url(""), "europol.coordinator", language);
		browser.get(url("/sharing"));
		checked(language, "/sharing");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.cssSelector("#agreement-form button[type=submit]")),
				By.id("error-summary"));
		checked(language, "/sharing-refused");
		assertThat(browser.findElement(By.id("name-error")).getText()).isNotBlank();
		assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus on the summary").isEqualTo("error-summary");
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "de" })
	void theAdministratorKeepsTheNetworkContacts(String language) {
		HeadlessBrowser.logIn(browser, url(""), "admin", language);
		browser.get(url("/admin/network-contacts"));
		checked(language, "/admin/network-contacts");
		browser.findElement(By.id("asn")).sendKeys("AS-not-a-number");
		browser.findElement(By.id("name")).sendKeys("Walk hosting " + language);
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.cssSelector("#network-form button[type=submit]")),
				By.id("error-summary"));
		checked(language, "/admin/network-contacts-refused");
		assertThat(browser.findElement(By.id("asn-error")).getText()).isNotBlank();
		assertThat(browser.findElement(By.id("name")).getAttribute("value")).as("text kept").isEqualTo("Walk hosting " + language);
		browser.findElement(By.id("asn")).clear();
		browser.findElement(By.id("asn")).sendKeys(language.equals("fr") ? "AS64501" : "AS64502");
		browser.findElement(By.id("abuseEmail")).sendKeys("abuse@walk-" + language + ".example");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.cssSelector("#network-form button[type=submit]")),
				By.id("list-heading"));
		checked(language, "/admin/network-contacts-saved");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Walk hosting " + language);
	}
}
