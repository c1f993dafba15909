package eu.eccp.awareness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import eu.eccp.HeadlessBrowser;
import eu.eccp.PageChecks;
import jakarta.mail.internet.MimeMessage;

/**
 * Issue 19's "done when", in a real browser: reports from three countries sharing a web address form a cluster
 * that suggests an advisory; a coordinator writes it in English and French, a second coordinator approves it; a
 * French visitor reads it in French on the public page, it is in the Atom feed and a valid CAP Alert; an update
 * makes a CAP Update; a subscriber who confirmed by e-mail (GreenMail) receives it. Every page visited passes
 * PageChecks (no raw values, no overflow, axe-core WCAG 2.1 AA).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-awareness-browser",
				"eccp.awareness.suggestion-interval=1s", "eccp.awareness.mail-poll-interval=300ms",
				"spring.mail.host=localhost", "spring.mail.port=3025" })
@ActiveProfiles("test")
class AwarenessBrowserTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

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

	void check(String language, String screenshot) {
		HeadlessBrowser.screenshot(browser, screenshot);
		PageChecks.check(browser, language);
	}

	/** A citizen's report through the public JSON intake. */
	void reportVia(String address, String country) {
		browser.get(url("/report?lang=en"));
		Object reference = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/api/v1/public/reports', {method: 'POST', headers: {'Content-Type': 'application/json'},
				  body: JSON.stringify({offence: 'PHISHING', victimCountries: [arguments[1]],
				    description: 'A text message asked me to pay a parcel fee at ' + arguments[0]})})
				  .then(r => r.status === 201 ? r.json() : {reference: 'HTTP ' + r.status}).then(j => done(j.reference))""",
				address, country);
		assertThat((String) reference).startsWith("ECCP-");
	}

	String fetchText(String path) {
		return (String) ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.text()).then(done)""", path);
	}

	List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (Exception e) {
				return false;
			}
		}).toList();
	}

	String awaitMail(String address, int count) throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() >= count);
		return (String) mailsTo(address).get(count - 1).getContent();
	}

	void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	@Test
	void aSuggestionBecomesABilingualAdvisoryApprovedByASecondCoordinatorReadInFrenchInFeedsCapAndByEmail() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String site = "parcel-fee-" + run + ".top";
		reportVia("https://" + site + "/pay", "FR");
		reportVia("hxxps://" + site.replace(".", "[.]") + "/pay", "DE");
		reportVia("https://" + site + "/pay", "BE");

		// a subscriber for French and France confirms by e-mail first
		browser.manage().deleteAllCookies();
		browser.get(url("/advisories/subscription?lang=fr"));
		check("fr", "awareness-subscribe");
		String subscriber = "lecteur-" + run + "@example.org";
		type("email", subscriber);
		new Select(browser.findElement(By.id("language"))).selectByValue("fr");
		new Select(browser.findElement(By.id("country"))).selectByValue("FR");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("subscription-submit")), By.id("subscription-message"));
		check("fr", "awareness-subscribe-done");
		Matcher confirm = Pattern.compile("http://localhost:8080(/advisories/subscription/confirm/[A-Za-z0-9_-]+)")
			.matcher(awaitMail(subscriber, 1));
		assertThat(confirm.find()).isTrue();
		browser.get(url(confirm.group(1)));
		check("fr", "awareness-confirm");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("subscription-step-submit")), By.id("subscription-message"));
		assertThat(browser.findElement(By.id("subscription-message")).getText())
			.isEqualTo(HeadlessBrowser.message("fr", "awareness.subscribe.confirmed"));

		// the cluster spanning three countries becomes a suggestion for the authors
		HeadlessBrowser.logIn(browser, url(""), "europol.coordinator");
		By suggestion = By.xpath("//li[contains(@id, 'suggestion-')][.//dd[contains(@class, 'suggestion-countries')]"
				+ "[contains(., 'Belgium') and contains(., 'France') and contains(., 'Germany')]]");
		new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
			driver.get(url("/awareness"));
			return !driver.findElements(suggestion).isEmpty();
		});
		WebElement found = browser.findElement(suggestion);
		assertThat(found.findElement(By.className("suggestion-count")).getText()).isEqualTo("3");
		assertThat(found.getText()).contains("Phishing").doesNotContain("parcel fee at");
		check("en", "awareness-suggestions");
		HeadlessBrowser.clickThrough(browser, found.findElement(By.cssSelector("a[id^='use-suggestion-']")),
				By.id("advisory-from-suggestion"));
		assertThat(new Select(browser.findElement(By.id("offence"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("PHISHING");
		assertThat(browser.findElement(By.id("country-BE")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("country-DE")).isSelected()).isTrue();

		// the form answers a mistake beside its field
		type("en.title", "Fake parcel fees " + run);
		type("en.summary", "Text messages ask you to pay a small fee for a parcel.");
		type("en.advice", "Write to help.victim@example.org");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("advisory-save")), By.id("advisory-errors"));
		assertThat(browser.findElement(By.id("en.advice-error")).getText())
			.isEqualTo(HeadlessBrowser.message("en", "awareness.validation.personalData"));
		check("en", "awareness-form-errors");
		type("en.happening", "People in Belgium, France and Germany receive them.");
		type("en.recognise", "The link does not lead to the carrier's site.");
		type("en.advice", "Do not click the link. Delete the message. If you paid, call your bank.");
		type("fr.title", "Faux frais de colis " + run);
		type("fr.summary", "Des SMS vous demandent de petits frais pour un colis.");
		type("fr.happening", "En Belgique, en France et en Allemagne.");
		type("fr.recognise", "Le lien ne mène pas au site du transporteur.");
		type("fr.advice", "Ne cliquez pas. Supprimez le message. Si vous avez payé, appelez votre banque.");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("advisory-save")), By.id("advisory-reference"));
		String advisoryUrl = browser.getCurrentUrl();
		String id = advisoryUrl.substring(advisoryUrl.lastIndexOf('/') + 1);
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("advisory-submit")), By.id("advisory-notice"));
		assertThat(browser.findElements(By.id("advisory-approve"))).as("the author cannot approve").isEmpty();
		assertThat(browser.findElement(By.id("four-eyes-hint")).isDisplayed()).isTrue();
		check("en", "awareness-in-review");

		// a second coordinator approves it
		HeadlessBrowser.logIn(browser, url(""), "europol.coordinator2");
		browser.get(advisoryUrl);
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("advisory-approve")), By.id("advisory-notice"));
		assertThat(browser.findElement(By.id("advisory-status")).getText()).isEqualTo("Published");
		check("en", "awareness-published");

		// a French visitor reads it in French
		browser.manage().deleteAllCookies();
		browser.get(url("/advisories?lang=fr"));
		check("fr", "advisories-public-list");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.linkText("Faux frais de colis " + run)), By.id("advisory-title"));
		assertThat(browser.findElement(By.id("advisory-title")).getText()).isEqualTo("Faux frais de colis " + run);
		assertThat(browser.findElement(By.id("advisory-report")).getAttribute("href")).isEqualTo(url("/report"));
		check("fr", "advisories-public-page");

		// in the Atom feed and as a valid CAP Alert with both languages
		assertThat(fetchText("/advisories/feed/fr.atom")).contains("Faux frais de colis " + run);
		String alert = fetchText("/advisories/" + id + "/cap.xml");
		CapSchema.assertValid(alert);
		assertThat(alert).contains("<msgType>Alert</msgType>").contains("<language>en</language>")
			.contains("<language>fr</language>");

		// the subscriber receives it, in French
		assertThat(awaitMail(subscriber, 2)).contains("Faux frais de colis " + run).contains("Ne cliquez pas.");

		// an update: written by the first coordinator, approved by the second
		HeadlessBrowser.logIn(browser, url(""), "europol.coordinator");
		browser.get(advisoryUrl);
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("advisory-edit")), By.id("advisory-revision-hint"));
		type("fr.advice", "Ne cliquez pas. Supprimez le message. Si vous avez payé, appelez votre banque et signalez-le.");
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("advisory-save")), By.id("advisory-notice"));
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("advisory-submit")), By.id("advisory-notice"));
		HeadlessBrowser.logIn(browser, url(""), "europol.coordinator2");
		browser.get(advisoryUrl);
		HeadlessBrowser.clickThrough(browser, browser.findElement(By.id("advisory-approve")), By.id("advisory-notice"));
		assertThat(browser.findElement(By.id("advisory-status")).getText()).isEqualTo("Updated");
		String update = fetchText("/advisories/" + id + "/cap.xml");
		CapSchema.assertValid(update);
		assertThat(update).contains("<msgType>Update</msgType>").contains("<references>");
		assertThat(awaitMail(subscriber, 3)).contains("signalez-le");
	}
}
