package eu.eccp.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Precision, recall and F1 of the extractor on text this project did not write: ESET's public indicator pages
 * ({@code src/test/resources/indicators/third-party/eset-malware-ioc.txt}, source, licence and labelling rules in
 * its header), each labelled by hand with the indicators a reader takes from it. Target: F1 of at least 0.99.
 */
class IndicatorThirdPartyCorpusTests {

	static final IndicatorExtractor EXTRACTOR = IndicatorExtractor.builder().cardHashKey(new byte[] { 1, 2, 3 }).build();

	record Document(String name, String text, Set<String> expected) {
	}

	static List<Document> documents() throws IOException {
		String corpus;
		try (InputStream in = Objects.requireNonNull(
				IndicatorThirdPartyCorpusTests.class.getResourceAsStream("/indicators/third-party/eset-malware-ioc.txt"))) {
			corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<Document> documents = new ArrayList<>();
		int at = corpus.indexOf("%%% document ");
		while (at >= 0) {
			int nameEnd = corpus.indexOf('\n', at);
			int expected = corpus.indexOf("\n%%% expected\n", nameEnd);
			int end = corpus.indexOf("\n%%% end\n", expected);
			Set<String> labels = new LinkedHashSet<>();
			for (String line : corpus.substring(expected + "\n%%% expected\n".length(), end).split("\n")) {
				if (!line.isBlank()) {
					labels.add(line.strip());
				}
			}
			documents.add(new Document(corpus.substring(at + "%%% document ".length(), nameEnd),
					corpus.substring(nameEnd + 1, expected + 1), labels));
			at = corpus.indexOf("%%% document ", end);
		}
		return documents;
	}

	@Test
	void scoresAnF1OfAtLeast099OnIndicatorPagesWrittenByOthers() throws IOException {
		List<Document> documents = documents();
		assertThat(documents).hasSize(9);
		int truePositives = 0;
		int falsePositives = 0;
		int falseNegatives = 0;
		List<String> errors = new ArrayList<>();
		for (Document document : documents) {
			Set<String> found = new LinkedHashSet<>();
			for (Indicator indicator : EXTRACTOR.extract(document.text(), ExtractionOptions.forRegion(null))) {
				found.add(indicator.type() + " " + indicator.value());
			}
			for (String value : found) {
				if (document.expected().contains(value)) {
					truePositives++;
				}
				else {
					falsePositives++;
					errors.add(document.name() + ": false positive " + value);
				}
			}
			for (String value : document.expected()) {
				if (!found.contains(value)) {
					falseNegatives++;
					errors.add(document.name() + ": missed " + value);
				}
			}
		}
		double precision = truePositives / (double) (truePositives + falsePositives);
		double recall = truePositives / (double) (truePositives + falseNegatives);
		double f1 = 2 * precision * recall / (precision + recall);
		System.out.printf("third-party corpus: %d labels, precision %.4f, recall %.4f, F1 %.4f%n",
				truePositives + falseNegatives, precision, recall, f1);
		errors.forEach(e -> System.out.println("  " + e));

		assertThat(truePositives + falseNegatives).as("labelled indicators").isGreaterThanOrEqualTo(230);
		assertThat(f1).as("F1; errors: %s", errors).isGreaterThanOrEqualTo(0.99);
	}
}
