package eu.eccp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import eu.eccp.shared.Labelled;
import eu.eccp.shared.LabelsSupport;

/**
 * The checks every page a browser test visits must pass, in the page's language:
 * <ul>
 * <li>no raw value: no enum constant of the platform that the language's own words never use (such as
 * {@code PUBLIC_WEB}, {@code IN_REVIEW}), no message key or notification topic ({@code hit.found},
 * {@code details.emails}), no routing reason ({@code victim-country:FR}), no missing message
 * ({@code ??key??});</li>
 * <li>no horizontal overflow of the page at 1366 px (a laptop) and 390 px (a phone) wide;</li>
 * <li>no axe-core violation of WCAG 2.1 A and AA (axe-core's own {@code axe.min.js}, run in this Chromium).</li>
 * </ul>
 */
public final class PageChecks {

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[A-Za-z0-9_.]+(_[a-z]{2})?\\?\\?");

	private static final Pattern DOTTED = Pattern.compile("(?<![\\w.@/:-])[a-z][a-zA-Z0-9_]*(?:\\.[a-zA-Z0-9_*]+)+(?![\\w.@/-])");

	private static final Pattern CONSTANT = Pattern.compile("(?<![\\w:+-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\\w+-])");

	private static final Pattern ROUTING = Pattern.compile("\\b(?:victim-country|residence-country|fallback):");

	private static String axeSource;

	private PageChecks() {
	}

	/** Runs every check on the page shown now; fails naming the page and what is wrong. */
	public static void check(WebDriver browser, String language) {
		String where = browser.getCurrentUrl();
		assertThat(rawValues(browser, language)).as("raw values on %s", where).isEmpty();
		assertThat(overflow(browser)).as("horizontal overflow on %s", where).isEmpty();
		assertThat(headerHeightAt1366(browser)).as("header height at 1366 px on %s (one row)", where).isLessThanOrEqualTo(ONE_ROW_HEADER);
		assertThat(accessibilityViolations(browser)).as("axe-core (WCAG 2.1 A/AA) violations on %s", where).isEmpty();
	}

	/** Raw enum constants, message keys, topics and routing reasons in the page's visible text. */
	public static List<String> rawValues(WebDriver browser, String language) {
		String text = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
		Properties words = LabelsSupport.bundle(language);
		String allWords = String.join("\n", words.values().stream().map(Object::toString).toList());
		Set<String> found = new TreeSet<>();
		Matcher missing = MISSING_MESSAGE.matcher(text);
		while (missing.find()) {
			found.add(missing.group());
		}
		Matcher routing = ROUTING.matcher(text);
		while (routing.find()) {
			found.add(routing.group());
		}
		Set<String> keys = words.stringPropertyNames();
		Set<String> topics = LabelsSupport.topicsInCode();
		Matcher dotted = DOTTED.matcher(text);
		while (dotted.find()) {
			String token = dotted.group();
			if (keys.contains(token) || topics.contains(token) || token.startsWith("details.")) {
				found.add(token);
			}
		}
		Set<String> constants = new TreeSet<>(shownConstants());
		// values stored as text with words of their own, e.g. channel.PUBLIC_WEB, reportevent.SUBMITTED
		for (String key : keys) {
			String last = key.substring(key.lastIndexOf('.') + 1);
			if (last.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
				constants.add(last);
			}
		}
		Matcher constant = CONSTANT.matcher(text);
		while (constant.find()) {
			String token = constant.group();
			// a constant is raw only where the language's own words never use it (IBAN, TLP:RED are words);
			// acronyms of three letters or fewer (ISP, URL, BIC) are also common words in names and data
			if (token.length() > 3 && constants.contains(token) && !Pattern.compile("(?<![A-Z_])" + Pattern.quote(token) + "(?![A-Z_])").matcher(allWords).find()) {
				found.add(token);
			}
		}
		return List.copyOf(found);
	}

	/** The header's height at 1366 px: one row of navigation is at most {@value #ONE_ROW_HEADER} px high. */
	public static int headerHeightAt1366(WebDriver browser) {
		emulateWidth(browser, 1366);
		Number height = (Number) ((JavascriptExecutor) browser)
			.executeScript("var h = document.querySelector('.site-header'); return h ? h.getBoundingClientRect().height : 0");
		((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		return height.intValue();
	}

	public static final int ONE_ROW_HEADER = 64;

	/** The widths (1366 and 390 px) at which the page is wider than the window, with how wide it is. */
	public static List<String> overflow(WebDriver browser) {
		List<String> problems = new ArrayList<>();
		for (int width : new int[] { 1366, 390 }) {
			emulateWidth(browser, width);
			Number scroll = (Number) ((JavascriptExecutor) browser)
				.executeScript("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
			if (scroll.intValue() > width) {
				String culprit = (String) ((JavascriptExecutor) browser).executeScript("""
						var w = arguments[0], worst = '';
						document.querySelectorAll('body *').forEach(function (e) {
						  var r = e.getBoundingClientRect();
						  if (r.right > w + 1 && !worst && !e.closest('.table-scroll')) {
						    worst = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ').join('.') : '');
						  }
						});
						return worst;""", width);
				problems.add(width + " px wide: page is " + scroll.intValue() + " px (first element past the edge: " + culprit + ")");
			}
		}
		((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		return problems;
	}

	private static void emulateWidth(WebDriver browser, int width) {
		((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", width > 1000 ? 900 : 844, "deviceScaleFactor", 1, "mobile", width < 600));
		// let the layout settle at the new width
		((JavascriptExecutor) browser).executeScript("return document.body.getBoundingClientRect().width");
	}

	/** axe-core's WCAG 2.1 A/AA violations: rule id, impact and up to five elements each. */
	@SuppressWarnings("unchecked")
	public static List<String> accessibilityViolations(WebDriver browser) {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
			js.executeScript(axe());
		}
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Object result = js.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
				  .then(function (r) {
				    done(r.violations.map(function (v) {
				      return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 5).map(function (n) {
				        return n.target.join(' ');
				      }).join(', ');
				    }));
				  })
				  .catch(function (e) { done(['axe-core failed: ' + e]); });""", WCAG_21_AA);
		return (List<String>) result;
	}

	private static synchronized String axe() {
		if (axeSource == null) {
			try (InputStream in = PageChecks.class.getResourceAsStream("/axe.min.js")) {
				if (in == null) {
					throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
				}
				axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return axeSource;
	}

	/** Constants of the platform's enums that people see (see {@link Labelled}). */
	static Set<String> shownConstants() {
		return LabelsSupport.shownConstants();
	}
}
