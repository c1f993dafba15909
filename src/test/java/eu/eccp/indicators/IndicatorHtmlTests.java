package eu.eccp.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** HTML input: text without tags, decoded entities, link targets, positions in the HTML source. */
class IndicatorHtmlTests {

	final IndicatorExtractor extractor = IndicatorExtractor.builder().build();

	@Test
	void readsLinkTargetsAndTextAndPointsIntoTheHtmlSource() {
		String html = "<html><body><p>Visit <a href=\"https://phish-site.com/login?a=1&amp;b=2\">our bank</a>"
				+ " or write to help&#64;phish-site&#46;com.</p><img src='http://cdn.phish-site.com/x.png'></body></html>";
		List<Indicator> found = extractor.extractFromHtml(html, ExtractionOptions.defaults());

		assertThat(found).extracting(i -> i.type() + " " + i.value()).containsExactly(
				"URL https://phish-site.com/login?a=1&b=2", "EMAIL help@phish-site.com",
				"URL http://cdn.phish-site.com/x.png");
		for (Indicator indicator : found) {
			assertThat(html.substring(indicator.offset())).startsWith(indicator.original());
		}
		assertThat(found.get(0).original()).isEqualTo("https://phish-site.com/login?a=1&amp;b=2");
	}

	@Test
	void tagsSeparateWordsAndAreNeverPartOfAnIndicator() {
		String html = "<b>evil-domain.com</b><i>91.198.174.192</i><span title=\"x.com\">text</span>";
		assertThat(extractor.extractFromHtml(html, ExtractionOptions.defaults())).extracting(Indicator::value)
			.containsExactly("evil-domain.com", "91.198.174.192");
	}

	@Test
	void decodesNumericAndNamedReferencesButLeavesBrokenOnesAlone() {
		String html = "<p>evil&#x2d;domain&period;com &amp; 91&#46;198&#46;174&#46;192 &bogus; &#;</p>";
		assertThat(extractor.extractFromHtml(html, ExtractionOptions.defaults())).extracting(Indicator::value)
			.containsExactly("evil-domain.com", "91.198.174.192");
	}

	@Test
	void keepsTheTextOfCommentsAndScripts() {
		String html = "<!-- c2: hxxp://hidden-c2[.]ru/gate --><script>fetch('https://beacon-host.net/b')</script>";
		assertThat(extractor.extractFromHtml(html, ExtractionOptions.defaults())).extracting(Indicator::value)
			.containsExactly("http://hidden-c2.ru/gate", "https://beacon-host.net/b");
	}

	@Test
	void anUnclosedTagIsReadAsText() {
		String html = "a < b and c <d evil-domain.com";
		assertThat(extractor.extractFromHtml(html, ExtractionOptions.defaults())).extracting(Indicator::value)
			.containsExactly("evil-domain.com");
	}

	@Test
	void anUploadedPageIsRecognisedByItsNameOrItsDoctype() {
		byte[] page = "<!DOCTYPE html><a href=\"http://phish-site.com/x\">x</a>".getBytes(StandardCharsets.UTF_8);
		assertThat(extractor.extractFromFile(page, null, ExtractionOptions.defaults())).extracting(Indicator::value)
			.containsExactly("http://phish-site.com/x");
		byte[] fragment = "<a href=\"http://phish-site.com/y\">y</a>".getBytes(StandardCharsets.UTF_8);
		assertThat(extractor.extractFromFile(fragment, "page.HTML", ExtractionOptions.defaults()))
			.extracting(Indicator::value).containsExactly("http://phish-site.com/y");
	}
}
