package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.HeadlessBrowser;
import eu.eccp.PageChecks;

/**
 * Date and time fields follow the page's language, not the browser's: a French page reads and takes dates as
 * 28/11/2026, a German one as 28.11.2026, an English one as 2026-11-28, each with the format shown; the server
 * receives ISO whatever the page's language, an ISO value typed is taken as it is, and text that is no date comes
 * back refused at its field, as typed. The browser itself runs in English (Chromium's default locale here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eccp.demo=true")
@ActiveProfiles("test")
class DateFieldsBrowserTests {

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

	WebElement field(String id) {
		return browser.findElement(By.id(id));
	}

	/** What the form sends for a field: its hidden ISO input. */
	String submitted(String id) {
		return field(id + "-iso").getAttribute("value");
	}

	@Test
	void theReportInboxFiltersTakeDatesAsTheFrenchAndGermanWriteThem() {
		HeadlessBrowser.logIn(browser, url(""), "fr.analyst", "fr");
		browser.get(url("/reports?lang=fr"));
		WebElement from = field("from");
		assertThat(from.getAttribute("type")).isEqualTo("text");
		assertThat(from.getAttribute("placeholder")).isEqualTo("JJ/MM/AAAA");
		// (the browser reads the no-break space before the colon as a space)
		assertThat(field("from-format").getText()).isEqualTo("Format : JJ/MM/AAAA");
		assertThat(from.getAttribute("aria-describedby")).contains("from-format");
		PageChecks.check(browser, "fr");

		from.sendKeys("01/11/2026");
		field("to").sendKeys("2026-11-30");
		assertThat(submitted("from")).isEqualTo("2026-11-01");
		assertThat(submitted("to")).as("ISO typed is taken as it is").isEqualTo("2026-11-30");
		field("filter-submit").click();
		HeadlessBrowser.waiting(browser).until(driver -> driver.getCurrentUrl().contains("from=2026-11-01"));
		assertThat(browser.getCurrentUrl()).contains("to=2026-11-30");

		// the same filter read on a German page
		browser.get(url("/reports?lang=de&from=2026-11-01&to=2026-11-30"));
		assertThat(field("from").getAttribute("value")).isEqualTo("01.11.2026");
		assertThat(field("to").getAttribute("value")).isEqualTo("30.11.2026");
		assertThat(field("from").getAttribute("placeholder")).isEqualTo("TT.MM.JJJJ");
		PageChecks.check(browser, "de");

		// and on an English one, in ISO like every English date of the platform
		browser.get(url("/reports?lang=en&from=2026-11-01"));
		assertThat(field("from").getAttribute("value")).isEqualTo("2026-11-01");
		assertThat(field("from").getAttribute("placeholder")).isEqualTo("YYYY-MM-DD");
	}

	@Test
	void textThatIsNoDateIsRefusedAtItsFieldAndKeptAsTyped() {
		HeadlessBrowser.logIn(browser, url(""), "fr.analyst", "fr");
		browser.get(url("/reports?lang=fr"));
		field("from").sendKeys("31/02/2026");
		assertThat(submitted("from")).as("no such day: sent as typed").isEqualTo("31/02/2026");
		((JavascriptExecutor) browser).executeScript("document.getElementById('inbox-filters').requestSubmit()");
		HeadlessBrowser.waiting(browser).until(driver -> !driver.findElements(By.id("error-summary")).isEmpty());
		assertThat(field("error-summary").getText()).contains(HeadlessBrowser.message("fr", "validation.date"));

		browser.get(url("/reports?lang=fr&from=31/02/2026"));
		assertThat(field("from").getAttribute("value")).isEqualTo("31/02/2026");
		assertThat(field("error-summary").getText()).contains(HeadlessBrowser.message("fr", "validation.date"));
	}

	@Test
	void thePublicFormTakesItsDateAndTimeInThePagesLanguage() {
		browser.manage().deleteAllCookies();
		browser.get(url("/report?lang=de"));
		WebElement occurred = field("occurredAt");
		assertThat(occurred.getAttribute("type")).isEqualTo("text");
		assertThat(occurred.getAttribute("placeholder")).isEqualTo("TT.MM.JJJJ HH:MM");
		assertThat(browser.findElement(By.cssSelector("label[for='occurredAt']")).isDisplayed()).isTrue();
		occurred.sendKeys("28.11.2026 14:30");
		assertThat(submitted("occurredAt")).isEqualTo("2026-11-28T14:30");
		PageChecks.check(browser, "de");

		browser.get(url("/report?lang=fr"));
		field("occurredAt").sendKeys("28/11/2026 9:05");
		assertThat(submitted("occurredAt")).isEqualTo("2026-11-28T09:05");
	}
}
