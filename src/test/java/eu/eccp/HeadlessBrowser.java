package eu.eccp;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test needs: Debian's headless Chromium (binary and driver overridable with
 * {@code -Deccp.chromium} and {@code -Deccp.chromedriver}), screenshots for reviewers, logging in as a demo
 * account, and the texts of the message bundles.
 */
public final class HeadlessBrowser {

	private HeadlessBrowser() {
	}

	/** Starts Chromium headless, with the browser console kept (Content-Security-Policy violations show there). */
	public static WebDriver start() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("eccp.chromium", "/usr/bin/chromium"));
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB");
		WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
			.usingDriverExecutable(new java.io.File(System.getProperty("eccp.chromedriver", "/usr/bin/chromedriver")))
			.build(), options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return browser;
	}

	public static void stop(WebDriver browser) {
		if (browser != null) {
			browser.quit();
		}
	}

	/** Saves what the person sees to target/screenshots/NAME.png, for reviewers. */
	public static void screenshot(WebDriver browser, String name) {
		try {
			Path target = Path.of("target/screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Logs in with a demo account (password {@code demo}) in English and waits for the dashboard. */
	public static void logIn(WebDriver browser, String baseUrl, String username) {
		logIn(browser, baseUrl, username, "en");
	}

	/** Logs in with a demo account in a language ({@code en}, {@code fr}, {@code de}) and waits for the dashboard. */
	public static void logIn(WebDriver browser, String baseUrl, String username, String language) {
		browser.manage().deleteAllCookies();
		browser.get(baseUrl + "/login?lang=" + language);
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("demo");
		browser.findElement(By.id("login-submit")).click();
		waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-heading")));
	}

	/**
	 * Clicks what leads to another page (a link, a form's submit button) and waits for that page: first for a
	 * new document (the old one's window is marked before the click), then for an element of it. Waiting for the element alone can match the page
	 * from before the navigation when both have it (a notice, a table).
	 */
	public static WebElement clickThrough(WebDriver browser, WebElement trigger, By onNewPage) {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript("window.eccpOldPage = true");
		trigger.click();
		WebDriverWait wait = waiting(browser);
		// a new document has a new window object; scripts may fail while the navigation is under way
		wait.ignoring(WebDriverException.class).until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
			.executeScript("return window.eccpOldPage === undefined && document.readyState === 'complete'")));
		return wait.until(ExpectedConditions.presenceOfElementLocated(onNewPage));
	}

	/** Logs out through the user menu of the header (account security and log-out sit behind the username). */
	public static void logOut(WebDriver browser) {
		browser.findElement(By.cssSelector("#user-menu > summary")).click();
		browser.findElement(By.id("logout")).click();
	}

	public static WebDriverWait waiting(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	/** A text of the shipped message bundle of a language ({@code en}, {@code fr}, {@code de}), as a browser test reads it on the page. */
	public static String message(String language, String key) {
		Properties bundle = new Properties();
		String suffix = language.equals("en") ? "" : "_" + language;
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/messages" + suffix + ".properties"),
				StandardCharsets.UTF_8)) {
			bundle.load(reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		// as WebDriver reads a page's text: a no-break space (French before a colon) comes back as a plain space
		String text = bundle.getProperty(key);
		return text == null ? null : text.replace('\u00a0', ' ');
	}
}
