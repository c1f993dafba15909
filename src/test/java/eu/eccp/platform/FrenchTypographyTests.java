package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * French typography, the same in every French text: a no-break space (U+00A0) before a colon and inside
 * guillemets (« … »), a narrow no-break space (U+202F) before ; ? and !, so that the sign never starts a line
 * on its own; English and German put no space before them. A colon inside a token (TLP:RED, 14:30, https://) is
 * not punctuation and is left alone.
 */
class FrenchTypographyTests {

	/** A punctuation sign: followed by a space, the end of the text or a closing sign. */
	private static final Pattern PUNCTUATION = Pattern.compile("(?s)(.)([:;?!»])(?=[\\s\\u00a0\\u202f)»\"]|$)");

	private static final Pattern OPENING_GUILLEMET = Pattern.compile("«(.?)");

	@Test
	void everyFrenchTextHasTheNoBreakSpaceBeforeItsPunctuation() throws IOException {
		Properties french = I18nBundlesTests.bundle("_fr");
		List<String> wrong = new ArrayList<>();
		for (String key : french.stringPropertyNames()) {
			String text = french.getProperty(key);
			Matcher sign = PUNCTUATION.matcher(text);
			while (sign.find()) {
				char wanted = sign.group(2).equals(":") || sign.group(2).equals("»") ? '\u00a0' : '\u202f';
				if (sign.group(1).charAt(0) != wanted) {
					wrong.add(key + " (" + sign.group(2) + "): " + text);
				}
			}
			Matcher opening = OPENING_GUILLEMET.matcher(text);
			while (opening.find()) {
				if (!opening.group(1).equals("\u00a0")) {
					wrong.add(key + " («): " + text);
				}
			}
		}
		assertThat(wrong).as("French texts without the no-break space before : ; ? ! » or after «").isEmpty();
	}

	@Test
	void theFrenchBundleIsCheckedOnRealPunctuation() throws IOException {
		Properties french = I18nBundlesTests.bundle("_fr");
		assertThat(french.getProperty("label.value")).isEqualTo("{0}\u00a0: {1}");
		assertThat(french.getProperty("form.refusedValue")).contains("«\u00a0{0}\u00a0»");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "_de" })
	void englishAndGermanPutNoSpaceBeforeTheirPunctuation(String suffix) throws IOException {
		Properties bundle = I18nBundlesTests.bundle(suffix);
		Pattern spaced = Pattern.compile("[ \\u00a0\\u202f][:;?!](?=\\s|$)");
		List<String> wrong = bundle.stringPropertyNames().stream().filter(key -> spaced.matcher(bundle.getProperty(key)).find())
			.sorted().toList();
		assertThat(wrong).as("texts of messages%s.properties with a space before : ; ? !", suffix).isEmpty();
	}
}
