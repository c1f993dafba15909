package eu.eccp.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.eccp.indicators.internal.IndicatorJson;
import eu.eccp.indicators.internal.QuickCompilation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code java -jar eccp.jar extract}: JSON lines, the same objects as the library gives. */
class IndicatorCommandLineTests {

	static final String TEXT = """
			Phish at hxxps://secure-login[.]example-bank[.]com/verify?id=7 from 185.220.101.4 and 2001:db8::1,
			reply to refund(at)example-bank(dot)co.uk or call 06 12 34 56 78; pay FR76 3000 6000 0112 3456 7890 189,
			card 4111 1111 1111 1111, wallet bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4, AS15169, пример.рф
			""";

	static final JsonMapper JSON = JsonMapper.builder().build();

	ByteArrayOutputStream out = new ByteArrayOutputStream();
	ByteArrayOutputStream err = new ByteArrayOutputStream();

	int run(InputStream stdin, Map<String, String> environment, String... args) {
		return ExtractCommand.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), environment);
	}

	List<Map<String, Object>> lines() {
		return out.toString(StandardCharsets.UTF_8)
			.lines()
			.map(line -> JSON.readValue(line, new TypeReference<Map<String, Object>>() {
			}))
			.toList();
	}

	static List<Map<String, Object>> library(String text, String region, String key) {
		List<Indicator> indicators = IndicatorExtractor.builder()
			.cardHashKey(key.getBytes(StandardCharsets.UTF_8))
			.build()
			.extract(text, ExtractionOptions.forRegion(region));
		// through JSON, as the command line prints them (numbers as JSON reads them back)
		return indicators.stream()
			.map(i -> JSON.readValue(JSON.writeValueAsString(IndicatorJson.toMap(i)), new TypeReference<Map<String, Object>>() {
			}))
			.toList();
	}

	@Test
	void printsTheSameIndicatorsAsTheLibraryOnePerLine() {
		int status = run(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)),
				Map.of("ECCP_INDICATORS_CARDHASHKEY", "secret"), "--region=FR");

		assertThat(status).isZero();
		assertThat(lines()).isEqualTo(library(TEXT, "FR", "secret")).hasSize(10);
		assertThat(lines().get(0)).containsEntry("type", "URL")
			.containsEntry("value", "https://secure-login.example-bank.com/verify?id=7")
			.containsEntry("original", "hxxps://secure-login[.]example-bank[.]com/verify?id=7")
			.containsEntry("offset", 9)
			.containsEntry("defanged", true)
			.containsEntry("registeredDomain", "example-bank.com");
	}

	@Test
	void defangsValuesForDisplay() {
		List<Indicator> found = IndicatorExtractor.builder().build().extract(
				"https://user@login.evil-bank.com:8443/a.b?c=d.e evil-bank.co.uk x@evil-bank.com 185.220.101.4 10.1.0.0/16 "
						+ "ftp://files.evil-bank.com/kit.zip 2001:db8::1",
				ExtractionOptions.defaults());
		assertThat(found).extracting(Indicator::defangedForDisplay).containsExactly(
				"hxxps://user[@]login[.]evil-bank[.]com:8443/a.b?c=d.e", "evil-bank[.]co[.]uk", "x[@]evil-bank[.]com",
				"185.220.101[.]4", "10.1.0[.]0/16", "fxp://files[.]evil-bank[.]com/kit.zip", "2001:db8::1");
	}

	@Test
	void printsAPhoneNumbersDetailsInOneOrderInEveryRun() {
		// a run's output is compared with the last one's: the order of the details must not depend on the JVM
		run(new ByteArrayInputStream("call +33 7 90 90 41 71".getBytes(StandardCharsets.UTF_8)), Map.of());
		assertThat(out.toString(StandardCharsets.UTF_8))
			.contains("\"defanged\":false,\"region\":\"FR\",\"numberType\":\"MOBILE\"}");
	}

	@Test
	void neverPrintsACardNumberInClear() {
		run(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)), Map.of(), "--card-hash-key=k");
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(printed).doesNotContain("4111111111111111").doesNotContain("4111 1111 1111 1111")
			.contains("\"value\":\"4111********1111\"").contains("\"original\":\"4111 **** **** 1111\"")
			.contains("\"keyedHash\":\"");
	}

	@Test
	void readsFilesByKindAndNamesThemWhenThereAreSeveral(@TempDir Path directory) throws IOException {
		Path text = Files.writeString(directory.resolve("notes.txt"), "C2 evil-domain.com");
		Path html = Files.writeString(directory.resolve("page.html"), "<a href=\"http://phish-site.com/x\">x</a>");
		Path eml;
		try (InputStream in = getClass().getResourceAsStream("/indicators/eml/phishing.eml")) {
			eml = directory.resolve("mail.eml");
			Files.write(eml, in.readAllBytes());
		}
		int status = run(InputStream.nullInputStream(), Map.of(), text.toString(), html.toString(), eml.toString());

		assertThat(status).isZero();
		List<Map<String, Object>> lines = lines();
		assertThat(lines.get(0)).containsEntry("value", "evil-domain.com").containsEntry("file", text.toString());
		assertThat(lines.get(1)).containsEntry("value", "http://phish-site.com/x").containsEntry("file", html.toString());
		assertThat(lines.subList(2, lines.size())).hasSize(14).allSatisfy(line -> assertThat(line).containsEntry("file", eml.toString()));
		assertThat(lines.get(2)).containsEntry("source", "header:From");
	}

	@Test
	void reportsAMissingFileAndGoesOn(@TempDir Path directory) throws IOException {
		Path text = Files.writeString(directory.resolve("notes.txt"), "8.8.8.8");
		int status = run(InputStream.nullInputStream(), Map.of(), directory.resolve("missing.txt").toString(), text.toString());
		assertThat(status).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
		assertThat(lines()).singleElement().satisfies(line -> assertThat(line).containsEntry("benign", "public-dns-resolvers"));
	}

	@Test
	void refusesUnknownOptionsAndRegions() {
		assertThat(run(InputStream.nullInputStream(), Map.of(), "--bogus")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --bogus").contains("usage:");
		assertThat(run(InputStream.nullInputStream(), Map.of(), "--region=France")).isEqualTo(2);
	}

	@Test
	void leavesTheOptimisingCompilerOutOnlyForFilesKnownToBeSmall(@TempDir Path directory) throws IOException {
		Path small = Files.writeString(directory.resolve("small.txt"), TEXT);
		Path big = sparse(directory.resolve("big.txt"), QuickCompilation.LIMIT + 1);
		Path half = sparse(directory.resolve("half.txt"), QuickCompilation.LIMIT / 2 + 1);

		assertThat(ExtractCommand.quickCompilation(new String[] { small.toString() })).isTrue();
		assertThat(ExtractCommand.quickCompilation(new String[] { "--region=FR", "--", small.toString() })).isTrue();
		assertThat(ExtractCommand.quickCompilation(new String[] { big.toString() })).isFalse();
		// together
		assertThat(ExtractCommand.quickCompilation(new String[] { half.toString(), half.toString() })).isFalse();
		// standard input redirected from a small file, or from a big one; a pipe (no regular file); a file not there
		assertThat(ExtractCommand.quickCompilation(new String[0], small)).isTrue();
		assertThat(ExtractCommand.quickCompilation(new String[] { "-" }, small)).isTrue();
		assertThat(ExtractCommand.quickCompilation(new String[] { "-" }, big)).isFalse();
		Path pipe = directory.resolve("not-a-regular-file");
		assertThat(ExtractCommand.quickCompilation(new String[0], pipe)).isFalse();
		assertThat(ExtractCommand.quickCompilation(new String[] { small.toString(), "-" }, pipe)).isFalse();
		assertThat(ExtractCommand.quickCompilation(new String[] { directory.resolve("missing").toString() })).isFalse();
		// unless told, wherever the choice stands
		assertThat(ExtractCommand.quickCompilation(new String[] { "--compiler=quick" }, pipe)).isTrue();
		assertThat(ExtractCommand.quickCompilation(new String[] { "-", "--compiler=quick" }, pipe)).isTrue();
		assertThat(ExtractCommand.quickCompilation(new String[] { "--compiler=full", small.toString() })).isFalse();
		assertThat(ExtractCommand.quickCompilation(new String[] { "--compiler=auto", big.toString() })).isFalse();
	}

	@Test
	void refusesACompilerChoiceItDoesNotKnow() {
		assertThat(run(InputStream.nullInputStream(), Map.of(), "--compiler=fast")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--compiler is auto, quick or full");
		assertThat(run(new ByteArrayInputStream("8.8.8.8".getBytes(StandardCharsets.UTF_8)), Map.of(), "--compiler=quick"))
			.isZero();
	}

	/**
	 * In a JVM of its own (the directive holds for the rest of the process): the directive is taken, it leaves C2
	 * out, and nothing of it reaches standard output, which is the indicators' alone.
	 */
	@Test
	void aShortRunTellsTheJvmToLeaveTheOptimisingCompilerOut() throws Exception {
		Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), Probe.class.getName()).redirectErrorStream(true).start();
		String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(probe.waitFor()).isZero();
		assertThat(output.lines().toList()).containsExactly("taken: true", "c2 excluded: true");
	}

	/** Run by the test above in a JVM of its own. */
	static final class Probe {

		public static void main(String[] args) throws Exception {
			boolean taken = QuickCompilation.start();
			Object directives = java.lang.management.ManagementFactory.getPlatformMBeanServer()
				.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
						"compilerDirectivesPrint", new Object[] { new String[0] }, new String[] { String[].class.getName() });
			String printed = String.valueOf(directives);
			String c2 = printed.substring(printed.indexOf("c2 directives:"));
			System.out.println("taken: " + taken);
			System.out.println("c2 excluded: " + c2.contains("Exclude:true"));
		}
	}

	private static Path sparse(Path file, long size) throws IOException {
		try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(size);
		}
		return file;
	}

	@Test
	void printsNothingForATextWithoutIndicators() {
		assertThat(run(new ByteArrayInputStream("just words".getBytes(StandardCharsets.UTF_8)), Map.of())).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void writesTheJsonJacksonWouldWriteWhateverTheCharacters() {
		Indicator awkward = new Indicator(IndicatorType.SHA256, "ab", "quote \" backslash \\ tab \t line \n bell \u0007 é 😀", 3,
				true, "documentation", Map.of(Indicator.FILE_NAME, "a\"b\\.exe", Indicator.SIZE, 12L, Indicator.HOMOGRAPH, true));
		StringBuilder line = new StringBuilder();

		IndicatorJson.appendLine(awkward, "dir/x \"y\".eml", line);

		Map<String, Object> expected = IndicatorJson.toMap(awkward);
		expected.put("file", "dir/x \"y\".eml");
		assertThat(line.toString()).endsWith("\n").doesNotContain("\u0007");
		assertThat(line.toString().strip()).isEqualTo(JSON.writeValueAsString(expected));
	}

	@Test
	void writesTheFieldsOfTheApiWhenADetailIsNamedLikeOne() {
		Map<String, Object> details = new java.util.LinkedHashMap<>();
		details.put("type", "not the type");
		details.put("benign", "a list");
		details.put("offset", 9);
		details.put(Indicator.REGION, "FR");
		for (String benign : new String[] { null, "documentation" }) {
			Indicator indicator = new Indicator(IndicatorType.DOMAIN, "example.com", "example.com", 3, false, benign, details);
			StringBuilder line = new StringBuilder();

			IndicatorJson.appendLine(indicator, null, line);

			assertThat(line.toString().strip()).isEqualTo(JSON.writeValueAsString(IndicatorJson.toMap(indicator)));
		}
	}
}
