package eu.eccp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every schema migration shows the module that owns it: it lives in {@code db/migration/<module>/}, named after
 * an application module, and its version is used once across all folders (Flyway reads the folders together).
 */
class MigrationLayoutTests {

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

	@Test
	void everyMigrationIsInTheFolderOfAnExistingModuleWithAUniqueVersion() throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(MIGRATIONS)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		assertThat(files).isNotEmpty();
		for (Path file : files) {
			Path relative = MIGRATIONS.relativize(file);
			assertThat(relative.getNameCount()).as("%s is in a module's folder", relative).isEqualTo(2);
			String module = relative.getName(0).toString();
			assertThat(Path.of("src/main/java/eu/eccp", module, "package-info.java")).as("%s names a module", relative)
				.exists();
			assertThat(relative.getFileName().toString()).as("%s is a versioned migration", relative).matches(NAME);
		}
		Map<String, Long> versions = files.stream().map(f -> version(f.getFileName().toString()))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(versions).as("versions used more than once").allSatisfy((version, count) -> assertThat(count)
			.as("V" + version).isEqualTo(1L));
	}

	static String version(String name) {
		Matcher matcher = NAME.matcher(name);
		return matcher.matches() ? matcher.group(1) : name;
	}
}
