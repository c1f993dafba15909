package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import eu.eccp.organisations.OrganisationType;
import eu.eccp.shared.Role;

/** Every text the UI shows exists in every shipped language. */
class I18nBundlesTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	static Properties bundle(String suffix) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("messages" + suffix + ".properties"),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	@ParameterizedTest
	@ValueSource(strings = { "_fr", "_de" })
	void everyLanguageHasExactlyTheEnglishKeys(String suffix) throws IOException {
		Set<String> english = new TreeSet<>(bundle("").stringPropertyNames());
		Set<String> translated = new TreeSet<>(bundle(suffix).stringPropertyNames());
		assertThat(translated).as("keys of messages%s.properties", suffix).containsExactlyElementsOf(english);
		bundle(suffix).forEach((key, value) -> assertThat((String) value).as("%s in %s", key, suffix).isNotBlank());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "_fr", "_de" })
	void apostrophesBesidePlaceholdersAreDoubledForMessageFormat(String suffix) throws IOException {
		Pattern placeholder = Pattern.compile("\\{\\d+}");
		Pattern loneApostrophe = Pattern.compile("(?<!')'(?!')");
		bundle(suffix).forEach((key, value) -> {
			String text = (String) value;
			if (placeholder.matcher(text).find()) {
				assertThat(loneApostrophe.matcher(text).find()).as("%s in messages%s has a lone ' before MessageFormat", key, suffix)
					.isFalse();
			}
		});
	}

	@Test
	void everyKeyUsedByTemplatesAndCodeExists() throws IOException {
		Set<String> english = bundle("").stringPropertyNames();
		Set<String> used = new TreeSet<>();
		collect(RESOURCES.resolve("templates"), Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]"), used);
		collect(Path.of("src/main/java"), Pattern.compile("\"((?:validation|admin|panel|error)\\.[A-Za-z0-9_.]+)\""), used);
		for (Role role : Role.values()) {
			used.add("role." + role);
		}
		for (OrganisationType type : OrganisationType.values()) {
			used.add("orgtype." + type);
		}
		assertThat(used).isNotEmpty();
		assertThat(english).containsAll(used);
	}

	private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(file));
				while (matcher.find()) {
					into.add(matcher.group(1));
				}
			}
		}
	}
}
