package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.HeadlessBrowser;

/**
 * A person in a real browser (headless Debian Chromium): logs in, sees their role's dashboard, switches
 * language, logs out; a protected page sends an anonymous visitor to the login page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eccp.demo=true")
@ActiveProfiles("test")
class BrowserTests {

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
	void startLoggedOut() {
		browser.manage().deleteAllCookies();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void logIn(String username) {
		HeadlessBrowser.logIn(browser, url(""), username);
	}

	@Test
	void anAnalystLogsInSeesTheirDashboardSwitchesLanguageAndLogsOut() {
		logIn("fr.analyst");
		assertThat(browser.findElement(By.id("dashboard-heading")).getText()).isEqualTo("Welcome, fr.analyst");
		screenshot("dashboard-analyst");
		assertThat(browser.findElement(By.id("role-ANALYST")).getText()).isEqualTo("Analyst");
		assertThat(browser.findElements(By.id("panel-reports"))).hasSize(1);
		assertThat(browser.findElements(By.id("panel-admin"))).isEmpty();
		assertThat(browser.findElements(By.linkText("Organisations"))).isEmpty();

		browser.findElement(By.id("lang-fr")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.id("dashboard-heading"), "Bienvenue, fr.analyst"));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
		browser.get(url("/"));
		assertThat(browser.findElement(By.id("dashboard-heading")).getText()).as("language is remembered")
			.isEqualTo("Bienvenue, fr.analyst");

		screenshot("dashboard-analyst-fr");
		browser.findElement(By.id("lang-de")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.id("dashboard-heading"), "Willkommen, fr.analyst"));

		HeadlessBrowser.logOut(browser);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
		browser.get(url("/"));
		assertThat(browser.findElements(By.id("public-home-heading"))).as("a visitor gets the public home page").hasSize(1);
	}

	@Test
	void anAdministratorSeesTheAdministrationAndAnAuditorTheAuditTrail() {
		logIn("admin");
		assertThat(browser.findElements(By.id("panel-admin"))).hasSize(1);
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.linkText("Organisations")), By.tagName("h1"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Organisations");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Europol");

		browser.manage().deleteAllCookies();
		logIn("dpo");
		// each click leads to another page: wait for it, never for an element the old page might still show
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.linkText("Audit trail")), By.id("verify-chain"));
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("verify-chain")), By.id("verification-result"));
		assertThat(browser.findElement(By.id("verification-result")).getText()).contains("intact");
	}

	/** Saves what the person sees to target/screenshots, for reviewers. */
	static void screenshot(String name) {
		HeadlessBrowser.screenshot(browser, name);
	}

	/** Console errors, which include every Content-Security-Policy violation. */
	static List<String> consoleErrors() {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !message.contains("favicon.ico"))
			.toList();
	}

	@Test
	void pagesRunUnderTheContentSecurityPolicyWithoutViolations() {
		logIn("admin");
		screenshot("dashboard-admin");
		for (String path : List.of("/admin/organisations", "/admin/users", "/admin/tokens", "/admin/users/new",
				"/swagger-ui/index.html")) {
			browser.get(url(path));
			new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(driver -> ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState").equals("complete"));
			if (path.startsWith("/swagger-ui")) {
				new WebDriverWait(browser, Duration.ofSeconds(15))
					.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".swagger-ui .info .title"), "ECCP API"));
			}
			screenshot(path.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", ""));
			assertThat(consoleErrors()).as("console errors on %s", path).isEmpty();
		}
		browser.get(url("/admin/users"));
		assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return typeof htmx"))
			.as("htmx is loaded from the WebJar").isEqualTo("object");
	}

	@Test
	void aProtectedPageSendsAnAnonymousVisitorToTheLoginPage() {
		browser.get(url("/admin/users"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		assertThat(browser.findElement(By.id("login-form")).isDisplayed()).isTrue();
	}

	@Test
	void aWrongPasswordShowsAnErrorOnTheLoginPage() {
		browser.get(url("/login?lang=en"));
		browser.findElement(By.id("username")).sendKeys("de.analyst");
		browser.findElement(By.id("password")).sendKeys("not-the-password");
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?error"));
		assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("wrong");
	}
}
