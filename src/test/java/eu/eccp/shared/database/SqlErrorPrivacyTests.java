package eu.eccp.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A failing SQL statement never carries the values bound to it in its error: neither the server's
 * "Failing row contains (...)" / "Key (...)=(...)" detail nor the driver's listing of a failed batch entry,
 * so no personal data reaches a log through an exception.
 */
@SpringBootTest
@ActiveProfiles("test")
class SqlErrorPrivacyTests {

	static final String PERSONAL = "Marie Dupont, 12 rue de la Paix";

	@Autowired
	JdbcTemplate jdbc;

	static String everyMessageOf(Throwable error) {
		List<String> messages = new ArrayList<>();
		for (Throwable t = error; t != null; t = t.getCause()) {
			messages.add(String.valueOf(t.getMessage()));
			if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
				messages.add(String.valueOf(sql.getNextException().getMessage()));
			}
		}
		return String.join("\n", messages);
	}

	@Test
	void aUniqueViolationInABatchDoesNotShowTheBoundValues() {
		jdbc.execute("CREATE TABLE privacy_probe_unique (name TEXT PRIMARY KEY)");
		jdbc.update("INSERT INTO privacy_probe_unique VALUES (?)", PERSONAL);
		Throwable error = catchThrowable(() -> jdbc.batchUpdate("INSERT INTO privacy_probe_unique VALUES (?)",
				List.<Object[]>of(new Object[] { PERSONAL })));
		assertThat(error).isNotNull();
		assertThat(everyMessageOf(error)).doesNotContain("Marie Dupont");
	}

	@Test
	void aCheckViolationDoesNotShowTheFailingRow() {
		jdbc.execute("CREATE TABLE privacy_probe_check (name TEXT, age INT CHECK (age > 0))");
		Throwable error = catchThrowable(
				() -> jdbc.update("INSERT INTO privacy_probe_check VALUES (?, ?)", PERSONAL, -1));
		assertThat(error).isNotNull();
		assertThat(everyMessageOf(error)).contains("privacy_probe_check").doesNotContain("Marie Dupont");
	}
}
