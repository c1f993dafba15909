package eu.eccp.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.HeadlessBrowser;
import eu.eccp.PageChecks;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Issue #18's walk, in German: a trainer publishes a course and is warned of an overlapping one; a German analyst
 * applies, the German training coordinator nominates, the organiser accepts; the analyst downloads the calendar
 * entry and, after completion, the certificate, whose code verifies on the public page. Every page passes the
 * page checks (no raw values, no overflow, axe-core).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eccp.demo=true")
@ActiveProfiles("test")
class TrainingBrowserTests {

	static WebDriver browser;

	@LocalServerPort
	int port;

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

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void checked(String name) {
		HeadlessBrowser.waiting(browser).until(driver -> "complete".equals(
				((JavascriptExecutor) driver).executeScript("return document.readyState")));
		HeadlessBrowser.screenshot(browser, "training-" + name);
		PageChecks.check(browser, "de");
	}

	void visit(String path, String name) {
		browser.get(url(path));
		checked(name);
	}

	void set(String id, String value) {
		((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
	}

	/**
	 * Logs in, waits for the notice naming {@code awaited} (when given) in the inbox, and marks the inbox read: an
	 * unread badge would widen the German header of an analyst past one row at 1366 px.
	 */
	void logIn(String username, String awaited) {
		HeadlessBrowser.logIn(browser, url(""), username, "de");
		browser.get(url("/notifications"));
		if (awaited != null) {
			new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30)).until(driver -> {
				driver.navigate().refresh();
				return driver.findElement(By.tagName("main")).getText().contains(awaited);
			});
		}
		if (!browser.findElements(By.id("read-all")).isEmpty()) {
			click(browser.findElement(By.id("read-all")), By.tagName("main"));
		}
	}

	WebElement click(WebElement trigger, By onNewPage) {
		return HeadlessBrowser.clickThrough(browser, trigger, onNewPage);
	}

	/** What a GET of the page's origin answers, fetched by the page itself (with its session). */
	String fetch(String path) {
		return (String) ((JavascriptExecutor) browser).executeAsyncScript(
				"var done = arguments[arguments.length - 1];"
						+ "fetch(arguments[0]).then(r => r.ok ? r.text().then(t => r.headers.get('content-type') + '\\n' + t) : 'HTTP ' + r.status)"
						+ ".then(done, e => done('failed ' + e));", path);
	}

	@Test
	void aTrainerPublishesAnAnalystIsNominatedAcceptedCalendaredAndCertified() throws Exception {
		String title = "Krypto-Spuren " + UUID.randomUUID().toString().substring(0, 6);
		LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(61);

		// the trainer writes a course that overlaps the demo's CEPOL cryptocurrency course
		HeadlessBrowser.logIn(browser, url(""), "trainer", "de");
		visit("/training", "catalogue");
		click(browser.findElement(By.id("new-course")), By.id("course-form"));
		checked("form");
		browser.findElement(By.id("textTitle0")).sendKeys(title);
		browser.findElement(By.id("textDescription0")).sendKeys("Blockchain-Analyse für Ermittler.");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("level_CRYPTOCURRENCY_INVESTIGATOR")))
			.selectByValue("ADVANCED");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("format"))).selectByValue("ONLINE");
		browser.findElement(By.id("language-en")).click();
		browser.findElement(By.id("audience-LAW_ENFORCEMENT")).click();
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("timeZone"))).selectByValue("Europe/Lisbon");
		set("startsAt", start + "T09:00");
		set("endsAt", start + "T17:00");
		set("applicationDeadline", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString());
		set("seats", "12");
		set("countryQuota", "2");
		browser.findElement(By.id("course-submit")).click();
		HeadlessBrowser.waiting(browser).until(driver -> !driver.findElements(By.id("course-title")).isEmpty()
				|| !driver.findElements(By.id("course-errors")).isEmpty());
		assertThat(browser.findElements(By.id("course-errors"))).as(() -> browser.findElement(By.id("course-errors")).getText())
			.isEmpty();
		checked("draft");
		assertThat(browser.findElement(By.id("course-status")).getText()).isEqualTo("Entwurf");
		assertThat(browser.findElement(By.id("overlap-warning")).getText()).contains("Cryptocurrency investigations");
		String course = browser.getCurrentUrl().replaceAll(".*/training/courses/([0-9a-f-]+).*", "$1");
		click(browser.findElement(By.id("publish")), By.id("course-notice"));
		assertThat(browser.findElement(By.id("course-status")).getText()).isEqualTo("Veröffentlicht");

		// a German analyst applies
		logIn("de.analyst", null);
		visit("/training?q=Krypto", "search");
		click(browser.findElement(By.linkText(title)), By.id("course-title"));
		checked("course");
		browser.findElement(By.id("motivation")).sendKeys("Für unsere Krypto-Ermittlungen.");
		click(browser.findElement(By.id("apply")), By.id("course-notice"));
		assertThat(browser.findElement(By.id("my-enrolment-status")).getText()).isEqualTo("Beworben");

		// the German training coordinator nominates, told of the application
		logIn("de.training", title);
		visit("/training/enrolments", "to-nominate");
		WebElement row = browser.findElement(By.xpath("//table[@id='applications']//tr[.//a[text()='" + title + "']]"));
		click(row.findElement(By.cssSelector("button[id^='nominate-']")), By.id("enrolments-notice"));

		// the organiser accepts
		HeadlessBrowser.logIn(browser, url(""), "trainer", "de");
		visit("/training/courses/" + course, "nominations");
		click(browser.findElement(By.cssSelector("#nominations button[id^='accept-']")), By.id("course-notice"));

		// the analyst is told of the seat and downloads the calendar entry
		logIn("de.analyst", title);
		visit("/training/courses/" + course, "accepted");
		assertThat(browser.findElement(By.id("my-enrolment-status")).getText()).isEqualTo("Angenommen");
		String href = browser.findElement(By.id("course-calendar")).getAttribute("href");
		String answer = fetch(href);
		assertThat(answer).startsWith("text/calendar");
		Calendar calendar = new CalendarBuilder().build(new StringReader(answer.substring(answer.indexOf('\n') + 1)));
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		assertThat(events).singleElement().satisfies(e -> {
			assertThat(e.getRequiredProperty(Property.SUMMARY).getValue()).isEqualTo(title);
			assertThat(e.getRequiredProperty(Property.DTSTART).getParameter("TZID").orElseThrow().getValue())
				.isEqualTo("Europe/Lisbon");
		});
		assertThat(calendar.getComponents(Component.VTIMEZONE)).isNotEmpty();
		visit("/training/enrolments", "mine");

		// the course takes place; the organiser records attendance and completion
		jdbc.sql("UPDATE training_course SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 day',"
				+ " application_deadline = now() - interval '3 days' WHERE id = :id").param("id", UUID.fromString(course)).update();
		HeadlessBrowser.logIn(browser, url(""), "trainer", "de");
		visit("/training/courses/" + course, "attendance");
		click(browser.findElement(By.cssSelector("#nominations button[id^='attended-']")), By.id("course-notice"));
		click(browser.findElement(By.cssSelector("#nominations button[id^='complete-']")), By.id("course-notice"));
		checked("completed");

		// the analyst is told of the completion; the certificate, and its code on the public page
		logIn("de.analyst", "abgeschlossen");
		visit("/training/courses/" + course, "certificate");
		String code = browser.findElement(By.id("my-certificate-code")).getText();
		String pdf = fetch(browser.findElement(By.id("my-certificate")).getAttribute("href"));
		assertThat(pdf).startsWith("application/pdf").contains("%PDF-");
		HeadlessBrowser.logOut(browser);
		HeadlessBrowser.waiting(browser).until(driver -> driver.getCurrentUrl().contains("/login?logout"));
		visit("/training/public/verify", "verify");
		browser.findElement(By.id("code")).sendKeys(code);
		click(browser.findElement(By.id("verify-submit")), By.id("verify-valid"));
		checked("verified");
		assertThat(browser.findElement(By.id("verify-valid")).getText()).contains("Jonas Weber").contains(title);
	}

	@Test
	void theCoordinatorsPagesPassThePageChecks() {
		HeadlessBrowser.logIn(browser, url(""), "europol.coordinator", "de");
		visit("/training/duplicates", "duplicates");
		assertThat(browser.findElement(By.id("duplicates")).getText()).contains("Cryptocurrency investigations");
		visit("/training/coverage?year=" + LocalDate.now(ZoneOffset.UTC).plusDays(61).getYear(), "coverage");
		logIn("de.training", null);
		visit("/training/needs", "needs");
		HeadlessBrowser.logIn(browser, url(""), "fr.admin", "fr");
		browser.get(url("/training/coordinators"));
		HeadlessBrowser.waiting(browser).until(driver -> "complete".equals(
				((JavascriptExecutor) driver).executeScript("return document.readyState")));
		PageChecks.check(browser, "fr");
	}
}
