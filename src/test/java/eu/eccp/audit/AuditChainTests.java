package eu.eccp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.audit.internal.AuditLog;
import eu.eccp.audit.internal.ChainVerification;

/**
 * The audit trail is append-only and hash-chained: the database refuses changes, and when someone with
 * owner rights changes or removes entries anyway, verification names the first broken link.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AuditChainTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void recordFiveEntries() {
		for (int i = 1; i <= 5; i++) {
			trail.record(AuditActor.anonymous("tester"), AuditEvent.of("test.action", "thing", i).withDetail("n=" + i));
		}
	}

	/** What an attacker with database owner rights could do: switch the append-only trigger off. */
	private void tamper(String sql) {
		jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").update();
		jdbc.sql(sql).update();
		jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").update();
	}

	@Test
	void anUntouchedChainVerifies() {
		ChainVerification result = log.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(5);
		assertThat(result.firstBrokenSeq()).isNull();
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteEntries() {
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET detail = 'x' WHERE seq = 2").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE seq = 2").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void detectsAnAlteredEntry() {
		tamper("UPDATE audit_entry SET detail = 'n=99' WHERE seq = 3");
		ChainVerification result = log.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(3);
		assertThat(result.problem()).contains("altered");
	}

	@Test
	void detectsAnAlteredEntryWhoseHashWasRecomputed() {
		tamper("UPDATE audit_entry SET actor_username = 'someone-else', hash = repeat('a', 64) WHERE seq = 2");
		ChainVerification result = log.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(2);
	}

	@Test
	void detectsADeletedEntry() {
		tamper("DELETE FROM audit_entry WHERE seq = 4");
		ChainVerification result = log.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(4);
		assertThat(result.problem()).contains("missing");
	}

	@Test
	void detectsDeletedNewestEntries() {
		tamper("DELETE FROM audit_entry WHERE seq >= 4");
		ChainVerification result = log.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(4);
	}

	@Test
	void recordsWhoDidWhatWhen() {
		var entries = jdbc.sql("SELECT actor_username, action, object_id, prev_hash, hash FROM audit_entry ORDER BY seq")
			.query()
			.listOfRows();
		assertThat(entries).hasSize(5);
		assertThat(entries.get(0).get("actor_username")).isEqualTo("tester");
		assertThat(entries.get(1).get("prev_hash")).isEqualTo(entries.get(0).get("hash"));
	}

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void entriesRecordedConcurrentlyFormOneGaplessChainAndARolledBackActionLeavesNone() throws Exception {
		java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
			for (int w = 0; w < 8; w++) {
				int writer = w;
				done.add(writers.submit(() -> {
					for (int i = 0; i < 50; i++) {
						int n = i;
						transactions.executeWithoutResult(status -> trail.record(AuditActor.anonymous("writer-" + writer),
								AuditEvent.of("test.concurrent", "thing", n)));
					}
				}));
			}
			for (java.util.concurrent.Future<?> f : done) {
				f.get();
			}
		}
		finally {
			writers.shutdownNow();
		}
		transactions.executeWithoutResult(status -> {
			trail.record(AuditActor.anonymous("tester"), AuditEvent.of("test.rolled-back", "thing", 0));
			status.setRollbackOnly();
		});
		ChainVerification result = log.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(5 + 400);
		assertThat(jdbc.sql("SELECT max(seq) - min(seq) + 1 = count(*) FROM audit_entry").query(Boolean.class).single())
			.as("sequence numbers are gapless").isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'test.rolled-back'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_pending").query(Long.class).single()).isZero();
	}
}
