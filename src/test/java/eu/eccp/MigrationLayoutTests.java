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

	/**
	 * Indexes a folder created on another module's table before this rule was checked: their migrations are applied
	 * on existing databases and keep their checksum, so they cannot change; each is created again, idempotently, in
	 * the owner's folder (file name → index name).
	 */
	static final Map<String, String> APPLIED_IN_ANOTHER_FOLDER = Map.of("V100__statistics_rollups.sql",
			"correlation_cluster_changed");

	static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

	static final Pattern CREATE_INDEX = Pattern.compile(
			"(?i)create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?(if\\s+not\\s+exists\\s+)?(\\w+)\\s+on\\s+(?:only\\s+)?(\\w+)");

	record IndexStatement(String module, String file, String index, String table, boolean idempotent) {
	}

	@Test
	void everyIndexIsCreatedInTheFolderOfTheModuleOwningItsTable() throws IOException {
		Map<String, String> tableOwners = new java.util.HashMap<>();
		List<IndexStatement> indexes = new java.util.ArrayList<>();
		try (Stream<Path> walk = Files.walk(MIGRATIONS)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				String module = MIGRATIONS.relativize(file).getName(0).toString();
				String sql = Files.readString(file).replaceAll("--[^\\n]*", "");
				Matcher table = CREATE_TABLE.matcher(sql);
				while (table.find()) {
					tableOwners.put(table.group(1).toLowerCase(java.util.Locale.ROOT), module);
				}
				Matcher index = CREATE_INDEX.matcher(sql);
				while (index.find()) {
					indexes.add(new IndexStatement(module, file.getFileName().toString(), index.group(2),
							index.group(3).toLowerCase(java.util.Locale.ROOT), index.group(1) != null));
				}
			}
		}
		assertThat(indexes).isNotEmpty();
		for (IndexStatement statement : indexes) {
			String owner = tableOwners.get(statement.table());
			assertThat(owner).as("the module creating table %s", statement.table()).isNotNull();
			if (statement.index().equals(APPLIED_IN_ANOTHER_FOLDER.get(statement.file()))) {
				assertThat(indexes).as("%s is created again, idempotently, in %s's folder", statement.index(), owner)
					.anySatisfy(again -> {
						assertThat(again.module()).isEqualTo(owner);
						assertThat(again.index()).isEqualTo(statement.index());
						assertThat(again.idempotent()).isTrue();
						assertThat(Integer.parseInt(version(again.file()))).isGreaterThan(Integer.parseInt(version(statement.file())));
					});
				continue;
			}
			assertThat(statement.module()).as("folder of %s (index %s on %s)", statement.file(), statement.index(),
					statement.table()).isEqualTo(owner);
		}
	}

	static String version(String name) {
		Matcher matcher = NAME.matcher(name);
		return matcher.matches() ? matcher.group(1) : name;
	}
}
