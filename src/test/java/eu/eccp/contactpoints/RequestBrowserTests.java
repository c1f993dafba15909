package eu.eccp.contactpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.HeadlessBrowser;

import eu.eccp.contactpoints.internal.DeadlineWatch;

/**
 * The 24/7 network in a real browser: FR finds the ISP in the directory and sends it a preservation
 * request, the ISP acknowledges and fulfils it, FR sees it fulfilled; an emergency request nobody
 * acknowledges in time escalates, visibly for both sides.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-request-browser" })
@ActiveProfiles("test")
class RequestBrowserTests {

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	DeadlineWatch watch;

	@Autowired
	JdbcClient jdbc;

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

	static String text(String key) {
		return HeadlessBrowser.message("en", key);
	}

	static void screenshot(String name) {
		HeadlessBrowser.screenshot(browser, name);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	WebDriverWait waiting() {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	void logIn(String username) {
		HeadlessBrowser.logIn(browser, url(""), username);
	}

	void type(String id, String value) {
		browser.findElement(By.id(id)).sendKeys(value);
	}

	void setValue(String id, String value) {
		((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
	}

	void click(String id) {
		waiting().until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
	}

	String status() {
		return waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("request-status"))).getText();
	}

	@Test
	void franceAsksTheIspToPreserveDataAndTheIspAcknowledgesAndFulfilsIt() throws IOException {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		logIn("fr.analyst");
		HeadlessBrowser.clickThrough(browser, waiting().until(ExpectedConditions.elementToBeClickable(By.id("nav-contact-points"))), By.id("directory-heading"));
		browser.get(url("/contact-points?country=DE&capability=PRESERVATION"));
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cp-isp")));
		assertThat(browser.findElement(By.id("cp-isp")).getText()).contains("Demo Internet Service Provider",
				text("contactPoints.openNow"));
		assertThat(browser.findElements(By.id("cp-hosting"))).isEmpty();
		screenshot("contact-points-directory");
		click("send-to-isp");

		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("request-form")));
		assertThat(new Select(browser.findElement(By.id("recipient"))).getFirstSelectedOption().getText()).contains("Demo Internet");
		type("requestingAuthority", "Paris public prosecutor, section J3");
		type("offence", "Fraud");
		type("facts", "Phishing campaign " + marker);
		type("dataSought", "Connection logs of the address below");
		type("relationToOffence", "The phishing kit was uploaded from it");
		type("custodian", "Demo ISP, Frankfurt");
		type("necessity", "Logs are deleted after 7 days");
		click("mla-yes");
		new Select(browser.findElement(By.id("idType-0"))).selectByValue("IP_ADDRESS");
		type("idValue-0", "198.51.100.99");
		setValue("idObservedAt-0", "2026-11-28T14:30:00");
		type("idZone-0", "Europe/Paris");
		new Select(browser.findElement(By.id("idType-1"))).selectByValue("URL");
		type("idValue-1", "not a web address");
		HeadlessBrowser.clickThrough(browser, waiting().until(ExpectedConditions.elementToBeClickable(By.id("request-submit"))), By.id("idValue-1-error"));
		assertThat(browser.findElement(By.id("idValue-1-error")).getText()).isEqualTo(text("validation.identifier.URL"));
		assertThat(browser.findElement(By.id("facts")).getAttribute("value")).contains(marker);
		browser.findElement(By.id("idValue-1")).clear();
		type("idValue-1", "hxxps://bank-login[.]example.com/kit.zip");
		screenshot("request-form-preservation");
		click("request-submit");

		assertThat(status()).isEqualTo(text("requeststatus.SENT"));
		String reference = browser.findElement(By.id("request-reference")).getText();
		String page = browser.getCurrentUrl().replaceAll("\\?.*", "");
		assertThat(browser.findElement(By.id("request-identifiers")).getText()).contains("198.51.100.99",
				"hxxps://bank-login[.]example[.]com/kit[.]zip");
		screenshot("request-sent");

		logIn("isp.partner");
		click("nav-requests");
		waiting().until(ExpectedConditions.elementToBeClickable(By.linkText(reference))).click();
		assertThat(status()).isEqualTo(text("requeststatus.SENT"));
		assertThat(browser.findElement(By.id("request-facts")).getText()).contains(marker);
		HeadlessBrowser.clickThrough(browser, waiting().until(ExpectedConditions.elementToBeClickable(By.id("action-acknowledge"))), By.id("request-notice"));
		assertThat(status()).isEqualTo(text("requeststatus.ACKNOWLEDGED"));
		assertThat(browser.findElement(By.id("preserved-until")).getText()).isNotBlank();
		type("note", "Logs preserved, our ticket 4711");
		click("action-fulfil");
		waiting().until(ExpectedConditions.textToBe(By.id("request-status"), text("requeststatus.FULFILLED")));
		screenshot("request-fulfilled-isp");

		logIn("fr.analyst");
		browser.get(page);
		assertThat(status()).isEqualTo(text("requeststatus.FULFILLED"));
		assertThat(browser.findElement(By.id("outcome-note")).getText()).isEqualTo("Logs preserved, our ticket 4711");
		assertThat(browser.findElements(By.id("action-extend"))).hasSize(1);
		Path file = Files.createTempFile("mla-draft-", ".txt");
		Files.writeString(file, "Draft MLA request " + marker);
		type("body", "Thank you, the MLA request follows next week.");
		new Select(browser.findElement(By.id("message-tlp"))).selectByValue("GREEN");
		browser.findElement(By.id("message-files")).sendKeys(file.toAbsolutePath().toString());
		HeadlessBrowser.clickThrough(browser, waiting().until(ExpectedConditions.elementToBeClickable(By.id("message-submit"))), By.id("request-notice"));
		assertThat(browser.findElement(By.id("messages")).getText()).contains("Thank you, the MLA request follows next week.",
				"TLP:GREEN", file.getFileName().toString());
		screenshot("request-fulfilled-fr");

		logIn("de.analyst");
		browser.get(page);
		assertThat(browser.getPageSource()).doesNotContain(marker);
	}

	@Test
	void anEmergencyNotAcknowledgedInTimeEscalatesVisiblyForBothSides() throws IOException {
		UUID be = jdbc.sql("SELECT id FROM organisation WHERE short_name = 'be-247'").query(UUID.class).single();
		logIn("fr.analyst");
		browser.get(url("/requests/new?kind=EMERGENCY&recipient=" + be));
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("request-form")));
		type("requestingAuthority", "FR national unit duty officer");
		type("offence", "Threat to life");
		type("facts", "A person announced self-harm on a live stream");
		type("dataSought", "Subscriber data and last connection of the account");
		type("threatToLife", "Announced for within the hour");
		new Select(browser.findElement(By.id("idType-0"))).selectByValue("EMAIL");
		type("idValue-0", "streamer@example.org");
		click("request-submit");
		assertThat(status()).isEqualTo(text("requeststatus.SENT"));
		assertThat(browser.findElements(By.id("escalation-banner"))).isEmpty();
		String page = browser.getCurrentUrl().replaceAll("\\?.*", "");
		String reference = browser.findElement(By.id("request-reference")).getText();
		Instant due = jdbc.sql("SELECT acknowledge_due FROM urgent_request WHERE reference = :r").param("r", reference)
			.query(java.time.OffsetDateTime.class).single().toInstant();

		watch.check(due.plus(Duration.ofMinutes(1)));

		browser.navigate().refresh();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("escalation-banner")));
		assertThat(browser.findElement(By.id("escalation-banner")).getText()).contains(text("requests.escalated.title"),
				"Europol");
		screenshot("request-escalated-fr");
		browser.get(url("/requests"));
		assertThat(browser.findElement(By.id("request-" + reference)).getText()).contains(text("requests.escalatedBadge"));

		logIn("be.contact");
		browser.get(url("/requests"));
		assertThat(browser.findElement(By.id("request-" + reference)).getAttribute("class")).contains("flagged");
		browser.get(page);
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("escalation-banner")));
		assertThat(browser.findElement(By.id("escalation-banner")).getText()).contains(text("requests.escalated.title"));
		screenshot("request-escalated-be");
		click("action-acknowledge");
		waiting().until(ExpectedConditions.textToBe(By.id("request-status"), text("requeststatus.ACKNOWLEDGED")));
	}

	@Test
	void anOrganisationsAdminKeepsItsOwnDirectoryEntryCurrent() throws IOException {
		logIn("fr.admin");
		click("nav-contact-points");
		HeadlessBrowser.clickThrough(browser, waiting().until(ExpectedConditions.elementToBeClickable(By.id("edit-own"))), By.id("entry-form"));
		type("description", "Permanence cyber de la DCPJ");
		click("cap-PRESERVATION");
		click("cap-SUBSCRIBER_DATA");
		browser.findElement(By.id("languages")).clear();
		type("languages", "fr, en");
		click("hours-office");
		setValue("officeOpens", "08:30");
		setValue("officeCloses", "19:00");
		browser.findElement(By.id("timeZone")).clear();
		type("timeZone", "Europe/Paris");
		type("phone", "12");
		HeadlessBrowser.clickThrough(browser, waiting().until(ExpectedConditions.elementToBeClickable(By.id("entry-save"))), By.id("phone-error"));
		assertThat(browser.findElement(By.id("phone-error")).getText()).isEqualTo(text("validation.identifier.PHONE"));
		browser.findElement(By.id("phone")).clear();
		type("phone", "+33 1 40 00 00 01");
		screenshot("contact-point-edit");
		HeadlessBrowser.clickThrough(browser, waiting().until(ExpectedConditions.elementToBeClickable(By.id("entry-save"))), By.id("directory-notice"));
		String entry = browser.findElement(By.id("cp-fr-unit")).getText();
		assertThat(entry).contains("Permanence cyber de la DCPJ", "+33140000001", text("capability.SUBSCRIBER_DATA"))
			.contains("08:30", "19:00", "Europe/Paris");
		assertThat(browser.findElements(By.id("edit-isp"))).isEmpty();
	}
}
