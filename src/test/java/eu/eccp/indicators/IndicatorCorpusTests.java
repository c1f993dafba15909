package eu.eccp.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table-driven corpus ({@code src/test/resources/indicators/corpus.tsv}): for each input, exactly the
 * expected indicators (type and canonical value, in order) and nothing else; "none" rows are the false
 * positives that must not come out.
 */
class IndicatorCorpusTests {

	static final IndicatorExtractor EXTRACTOR = IndicatorExtractor.builder().cardHashKey(new byte[] { 1, 2, 3 }).build();

	record Case(int line, String region, String input, List<String> expected, String note) {

		@Override
		public String toString() {
			return "line " + line + ": " + input.replace("\n", "\\n");
		}
	}

	static List<Case> cases() throws IOException {
		List<Case> cases = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				Objects.requireNonNull(IndicatorCorpusTests.class.getResourceAsStream("/indicators/corpus.tsv")),
				StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String[] columns = line.split("\t", -1);
				String input = columns[1].replace("\\n", "\n").replace("\\t", "\t");
				List<String> expected = columns[2].equals("none") ? List.of() : List.of(columns[2].split(" ; "));
				cases.add(new Case(number, columns[0], input, expected, columns.length > 3 ? columns[3] : ""));
			}
		}
		return cases;
	}

	static Stream<Arguments> corpus() throws IOException {
		return cases().stream().map(Arguments::of);
	}

	@Test
	void theCorpusHasAtLeast300CasesCoveringEveryTypeAndFalsePositives() throws IOException {
		List<Case> cases = cases();
		assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
		for (IndicatorType type : IndicatorType.values()) {
			assertThat(cases).as("cases of %s", type)
				.anyMatch(c -> c.expected().stream().anyMatch(e -> e.startsWith(type.name() + " ")));
		}
		assertThat(cases.stream().filter(c -> c.expected().isEmpty()).count()).isGreaterThanOrEqualTo(80);
		assertThat(cases.stream().filter(c -> c.note().equals("defanged")).count()).isGreaterThanOrEqualTo(25);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void extractsExactlyTheExpectedIndicators(Case c) {
		ExtractionOptions options = ExtractionOptions.forRegion(c.region().equals("-") ? null : c.region());
		List<Indicator> found = EXTRACTOR.extract(c.input(), options);

		assertThat(found).as(c.toString()).extracting(i -> i.type() + " " + i.value()).containsExactlyElementsOf(c.expected());
		for (Indicator indicator : found) {
			assertThat(c.input().substring(indicator.offset())).as("original text at its offset, " + c)
				.startsWith(indicator.type() == IndicatorType.PAYMENT_CARD ? "" : indicator.original());
		}
		if (found.isEmpty()) {
			return;
		}
		Indicator first = found.get(0);
		if (c.note().equals("defanged")) {
			assertThat(first.defanged()).as("defanged, " + c).isTrue();
		}
		if (c.note().equals("homograph")) {
			assertThat(first.details()).as(c.toString()).containsEntry(Indicator.HOMOGRAPH, true);
		}
		assertThat(first.benign()).as("warning list, " + c)
			.isEqualTo(c.note().startsWith("benign=") ? c.note().substring("benign=".length()) : null);
	}
}
