package eu.eccp.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows copied with {@link CopyIn} arrive exactly as written, whatever characters their text holds; a copy that
 * fails stores none of its rows and leaves what was stored before untouched.
 */
@SpringBootTest(properties = "eccp.demo=true")
@ActiveProfiles("test")
class CopyInTests {

	@Autowired
	CopyIn copy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	record Item(UUID id, String text, List<String> words, BigDecimal amount, Instant at, boolean flag) {
	}

	@BeforeEach
	void table() {
		jdbc.sql("""
				CREATE TABLE IF NOT EXISTS copy_in_test (id UUID PRIMARY KEY, text TEXT, words TEXT[], amount NUMERIC(18, 2),
				  at TIMESTAMP WITH TIME ZONE, flag BOOLEAN)""").update();
		jdbc.sql("TRUNCATE copy_in_test").update();
	}

	private long copy(List<Item> items) {
		return copy.copy("copy_in_test", "id, text, words, amount, at, flag", items, (item, row) -> row.uuid(item.id())
			.text(item.text())
			.textArray(item.words())
			.number(item.amount())
			.instant(item.at())
			.bool(item.flag()));
	}

	@Test
	void storesTextWithTabsLineBreaksBackslashesAndQuotesAsWritten() {
		Item odd = new Item(UUID.randomUUID(), "a\tb\nc\r\nd \\N e \\ f \"g\" 'h' \u00e9\u4e2d\ud83d\ude00",
				List.of("plain", "with space", "quote\"d", "back\\slash", "{braces}", "comma,here", "NULL", ""),
				new BigDecimal("12345.60"), Instant.parse("2026-03-04T05:06:07.123456Z"), true);
		Item nulls = new Item(UUID.randomUUID(), null, List.of(), null, null, false);

		Long copied = transactions.execute(status -> copy(List.of(odd, nulls)));

		assertThat(copied).isEqualTo(2);

		Map<String, Object> stored = jdbc.sql("SELECT * FROM copy_in_test WHERE id = :id").param("id", odd.id())
			.query().singleRow();
		assertThat(stored.get("text")).isEqualTo(odd.text());
		assertThat(jdbc.sql("SELECT words FROM copy_in_test WHERE id = :id").param("id", odd.id())
			.query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single()).isEqualTo(odd.words());
		assertThat(stored.get("amount")).isEqualTo(new BigDecimal("12345.60"));
		assertThat(jdbc.sql("SELECT at FROM copy_in_test WHERE id = :id").param("id", odd.id())
			.query((rs, n) -> SqlTimes.instant(rs, "at")).single()).isEqualTo(odd.at());
		assertThat(stored.get("flag")).isEqualTo(true);
		Map<String, Object> empty = jdbc.sql("SELECT * FROM copy_in_test WHERE id = :id").param("id", nulls.id())
			.query().singleRow();
		assertThat(empty.get("text")).isNull();
		assertThat(empty.get("amount")).isNull();
		assertThat(empty.get("at")).isNull();
		assertThat(jdbc.sql("SELECT cardinality(words) FROM copy_in_test WHERE id = :id").param("id", nulls.id())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void leavesOutTheNulCharacterThatNoPostgresTextHolds() {
		Item item = new Item(UUID.randomUUID(), "before\u0000after", List.of(), null, null, false);

		transactions.executeWithoutResult(status -> copy(List.of(item)));

		assertThat(jdbc.sql("SELECT text FROM copy_in_test").query(String.class).single()).isEqualTo("beforeafter");
	}

	@Test
	void aTakenKeyFailsLikeAStatementAndStoresNoneOfTheCopy() {
		UUID taken = UUID.randomUUID();
		transactions.executeWithoutResult(status -> copy(List.of(item(taken))));
		List<Item> clashing = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			clashing.add(item(UUID.randomUUID()));
		}
		clashing.add(item(taken));

		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> copy(clashing)))
			.isInstanceOf(DuplicateKeyException.class);

		assertThat(jdbc.sql("SELECT id FROM copy_in_test").query(UUID.class).list()).containsExactly(taken);
	}

	@Test
	void aProducerThatFailsHalfWayStoresNothing() {
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			items.add(item(UUID.randomUUID()));
		}

		// outside a transaction too: the copy is cancelled, not ended
		assertThatThrownBy(() -> copy.copy("copy_in_test", "id, text", items, (item, row) -> {
			if (item == items.get(4_000)) {
				throw new IllegalStateException("the producer failed");
			}
			row.uuid(item.id()).text(item.text());
		})).isInstanceOf(IllegalStateException.class).hasMessage("the producer failed");

		assertThat(jdbc.sql("SELECT count(*) FROM copy_in_test").query(Long.class).single()).isZero();
		Long again = transactions.execute(status -> copy(List.of(item(UUID.randomUUID()))));
		assertThat(again).isEqualTo(1);
	}

	@Test
	void streamsWhatASourceReadsAndStoresNothingWhenItsInputFailsHalfWay() {
		Long streamed = transactions.execute(status -> copy.copy("copy_in_test", "id, text", (CopyIn.RowSource<Integer>) sink -> {
			for (int i = 0; i < 20_000; i++) {
				sink.accept(i);
			}
		}, (i, row) -> row.uuid(new UUID(0, i)).text("line " + i)));
		assertThat(streamed).isEqualTo(20_000);

		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> copy.copy("copy_in_test", "id, text",
				(CopyIn.RowSource<Integer>) sink -> {
					for (int i = 20_000; i < 30_000; i++) {
						sink.accept(i);
					}
					throw new java.io.IOException("the file could not be read further");
				}, (i, row) -> row.uuid(new UUID(0, i)).text("line " + i))))
			.isInstanceOf(java.io.UncheckedIOException.class)
			.hasRootCauseMessage("the file could not be read further");

		assertThat(jdbc.sql("SELECT count(*) FROM copy_in_test").query(Long.class).single()).isEqualTo(20_000);
	}

	private static Item item(UUID id) {
		return new Item(id, "row " + id, List.of("FR"), BigDecimal.ONE, Instant.parse("2026-01-01T00:00:00Z"), false);
	}
}
