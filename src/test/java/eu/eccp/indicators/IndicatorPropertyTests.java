package eu.eccp.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Property-based checks with seeded random and mutated inputs (reproducible: the seed is in the failure
 * message): extraction never throws, every indicator points at its original text, and every indicator
 * re-validates: extracting its canonical value again yields the same type and value.
 *
 * <p>Longer runs: {@code mvn test -Dtest=IndicatorPropertyTests -Dindicators.fuzz.seed=N
 * -Dindicators.fuzz.rounds=M}.
 */
class IndicatorPropertyTests {

	static final int ROUNDS = Integer.getInteger("indicators.fuzz.rounds", 20_000);

	static final IndicatorExtractor EXTRACTOR = IndicatorExtractor.builder().cardHashKey(new byte[] { 7 }).build();

	/** Characters that matter to the scanner, weighted towards the ones that make indicators and traps. */
	static final String ALPHABET = "abcdefxyzABCDEFXZ0123456789......@@::://--__++[](){}<>\"' \n\t,;!?#%&=~*$\\"
			+ "\u00e9\u00fc\u0430\u0440\u043e\u4e2d\u56fd\u3002\uff0e\u200b\ud83d\ude00";

	static final List<String> SEEDS = List.of("hxxps://evil[.]example-bank[.]com/login?user=1#frag",
			"http://www.Example.COM:80/a/./b/../c.", "john.doe[at]phish(dot)co.uk", "+33 6 12 34 56 78",
			"06 12 34 56 78", "192.168.001.010 10.0.0.0/8 2001:0db8::ff00:0042:8329 fe80::1/64",
			"FR76 3000 6000 0112 3456 7890 189 BIC BNPAFRPP", "d41d8cd98f00b204e9800998ecf8427e",
			"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
			"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "AS15169 ASN 3215 AS1.10", "4111 1111 1111 1111",
			"2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion", "пример.рф аррӏе.com 例子。中国",
			"evil-domain dot com", "http://[2001:db8::1]:8080/x", "http://3232235777/", "a@b.co,c@d.co",
			"<a href=\"http://evil.com/x\">click</a>", "(415) 555-2671", "https://en.wikipedia.org/wiki/A_(b)");

	@Test
	void randomInputsNeverThrowAndEveryIndicatorRevalidates() {
		long seed = Long.getLong("indicators.fuzz.seed", 20261129L);
		Random random = new Random(seed);
		int checked = 0;
		for (int round = 0; round < ROUNDS; round++) {
			String input = random(random, 1 + random.nextInt(120));
			checked += check(input, "FR", seed, round);
		}
		assertThat(checked).as("indicators found and re-validated").isGreaterThan(ROUNDS / 200);
	}

	@Test
	void mutatedIndicatorsNeverThrowAndEveryIndicatorRevalidates() {
		long seed = Long.getLong("indicators.fuzz.seed", 4L);
		Random random = new Random(seed);
		int checked = 0;
		for (int round = 0; round < ROUNDS; round++) {
			String input = mutate(random, SEEDS.get(random.nextInt(SEEDS.size())));
			checked += check(input, round % 2 == 0 ? "FR" : "US", seed, round);
		}
		assertThat(checked).as("indicators found and re-validated").isGreaterThan(ROUNDS * 3 / 4);
	}

	/** Checks one input; returns how many indicators it had. */
	private static int check(String input, String region, long seed, int round) {
		String context = "seed " + seed + ", round " + round + ", input [" + input + "]";
		ExtractionOptions options = ExtractionOptions.forRegion(region);
		List<Indicator> found = new ArrayList<>();
		assertThatCode(() -> found.addAll(EXTRACTOR.extract(input, options))).as(context).doesNotThrowAnyException();
		assertThatCode(() -> EXTRACTOR.extractFromHtml(input, options)).as(context).doesNotThrowAnyException();
		for (Indicator indicator : found) {
			String about = context + ", " + indicator;
			assertThat(indicator.offset()).as(about).isBetween(0, input.length());
			if (indicator.type() == IndicatorType.PAYMENT_CARD) {
				assertThat(indicator.value()).as(about).matches("\\d{4}\\*{5,11}\\d{4}");
				assertThat(indicator.original().replaceAll("\\D", "")).as(about).hasSizeLessThanOrEqualTo(8);
				continue;
			}
			assertThat(input.substring(indicator.offset())).as(about).startsWith(indicator.original());
			assertThat(revalidate(indicator, options)).as(about).isTrue();
			assertThat(readsBackDefanged(indicator, options)).as("defanged for display, " + about).isTrue();
		}
		return found.size();
	}

	/** Whether extracting the indicator's canonical value yields it again. */
	static boolean revalidate(Indicator indicator, ExtractionOptions options) {
		String text = switch (indicator.type()) {
			// a BIC is only taken next to the word BIC; an explicitly defanged domain skips the file-name rule
			case BIC -> "BIC " + indicator.value();
			case DOMAIN -> indicator.defanged() ? indicator.value().replace(".", "[.]") : indicator.value();
			default -> indicator.value();
		};
		List<Indicator> again = EXTRACTOR.extract(text, options);
		return again.stream().anyMatch(i -> i.type() == indicator.type() && i.value().equals(indicator.value()));
	}

	/** Whether the value defanged for display reads back, defanged, as the same indicator. */
	static boolean readsBackDefanged(Indicator indicator, ExtractionOptions options) {
		String shown = indicator.defangedForDisplay();
		String text = indicator.type() == IndicatorType.BIC ? "BIC " + shown : shown;
		return EXTRACTOR.extract(text, options)
			.stream()
			.anyMatch(i -> i.type() == indicator.type() && i.value().equals(indicator.value())
					&& (i.defanged() || shown.equals(indicator.value())));
	}

	static String random(Random random, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}

	static String mutate(Random random, String seed) {
		StringBuilder out = new StringBuilder(seed);
		int mutations = 1 + random.nextInt(4);
		for (int m = 0; m < mutations; m++) {
			int at = out.length() == 0 ? 0 : random.nextInt(out.length());
			switch (random.nextInt(6)) {
				case 0 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
				case 1 -> {
					if (out.length() > 0) {
						out.deleteCharAt(at);
					}
				}
				case 2 -> {
					if (out.length() > 0) {
						out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
					}
				}
				case 3 -> out.insert(at, SEEDS.get(random.nextInt(SEEDS.size())));
				case 4 -> {
					int end = Math.min(out.length(), at + 1 + random.nextInt(8));
					out.insert(at, out.substring(at, end));
				}
				default -> out.insert(at, random(random, 1 + random.nextInt(6)));
			}
		}
		return out.toString();
	}
}
