package eu.eccp.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;

/**
 * The chain's head is protected like its entries, and the chain is anchored outside the database by signed
 * checkpoints: someone with owner rights who removes the newest entries and rewrites the head back is found
 * out, and so is a checkpoint file that was edited.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AuditCheckpointTests {

	static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

	static final HttpServer DESTINATION = destination();

	static final Path KEY = tempDir().resolve("key.pem");

	static HttpServer destination() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/checkpoints", exchange -> {
				RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	static Path tempDir() {
		try {
			return Files.createTempDirectory("eccp-audit-checkpoints");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@DynamicPropertySource
	static void checkpointsOfTheirOwn(DynamicPropertyRegistry registry) {
		registry.add("eccp.audit.checkpoints.enabled", () -> "true");
		// a new context (and database) for every test, and a new checkpoint file for each
		registry.add("eccp.audit.checkpoints.file", () -> tempDir().resolve("checkpoints.jsonl").toString());
		registry.add("eccp.audit.checkpoints.key-file", KEY::toString);
		registry.add("eccp.audit.checkpoints.url",
				() -> "http://127.0.0.1:" + DESTINATION.getAddress().getPort() + "/checkpoints");
	}

	@AfterAll
	static void stopDestination() {
		DESTINATION.stop(0);
	}

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void recordFiveEntries() {
		record(5);
	}

	void record(int count) {
		for (int i = 1; i <= count; i++) {
			trail.record(AuditActor.anonymous("tester"), AuditEvent.of("test.action", "thing", i).withDetail("n=" + i));
		}
	}

	String hashOf(long seq) {
		return jdbc.sql("SELECT hash FROM audit_entry WHERE seq = :seq").param("seq", seq).query(String.class).single();
	}

	/** What an attacker with owner rights could do: switch every protecting trigger off. */
	void tamper(String... statements) {
		jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
		jdbc.sql("ALTER TABLE audit_chain_head DISABLE TRIGGER USER").update();
		for (String sql : statements) {
			jdbc.sql(sql).update();
		}
		jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
		jdbc.sql("ALTER TABLE audit_chain_head ENABLE TRIGGER USER").update();
	}

	static final String TRUNCATE_TO_3 = "DELETE FROM audit_entry WHERE seq >= 4";

	static final String HEAD_BACK_TO_3 = "UPDATE audit_chain_head SET last_seq = 3, "
			+ "last_hash = (SELECT hash FROM audit_entry WHERE seq = 3)";

	@Test
	void theDatabaseRefusesToMoveTheHeadBackOrAwayFromTheNewestEntry() {
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_chain_head SET last_seq = 3, last_hash = :h WHERE id = 1")
			.param("h", hashOf(3)).update()).hasMessageContaining("only moves forward");
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_chain_head SET last_seq = 6, last_hash = :h WHERE id = 1")
			.param("h", hashOf(5)).update()).hasMessageContaining("newest entry");
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_chain_head SET last_hash = repeat('a', 64) WHERE id = 1").update())
			.hasMessageContaining("only moves forward");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_chain_head").update()).hasMessageContaining("DELETE refused");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_chain_head").update()).hasMessageContaining("TRUNCATE");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).hasMessageContaining("TRUNCATE");

		assertThat(jdbc.sql("SELECT last_seq FROM audit_chain_head").query(Long.class).single()).isEqualTo(5);
		record(1);
		assertThat(jdbc.sql("SELECT last_seq FROM audit_chain_head").query(Long.class).single()).isEqualTo(6);
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void aTruncatedChainWithItsHeadRewrittenBackIsFoundByTheSignedCheckpoint() {
		assertThat(checkpoints.checkpoint()).hasValueSatisfying(c -> assertThat(c.seq()).isEqualTo(5));

		tamper(TRUNCATE_TO_3, HEAD_BACK_TO_3);

		ChainVerification result = log.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(4);
		assertThat(result.problem()).contains("entries after 3 are missing").contains("signed checkpoint").contains("entry 5");
		assertThat(result.checkpointsChecked()).isEqualTo(1);
	}

	@Test
	void withoutACheckpointTheSameTruncationWouldLookIntact(@TempDir Path elsewhere) throws IOException {
		tamper(TRUNCATE_TO_3, HEAD_BACK_TO_3);
		Path none = Files.createFile(elsewhere.resolve("none.jsonl"));

		assertThat(log.verify(none).intact()).isTrue();
	}

	@Test
	void anEntryReplacedUnderACheckpointIsFound() {
		checkpoints.checkpoint();
		tamper("DELETE FROM audit_entry WHERE seq = 5",
				"INSERT INTO audit_entry SELECT 5, occurred_at, actor_user_id, actor_username, actor_org_id, action, object_type,"
						+ " object_id, 'n=forged', personal_data, remote_address, hash, hash FROM audit_entry WHERE seq = 4",
				"UPDATE audit_chain_head SET last_hash = (SELECT hash FROM audit_entry WHERE seq = 5)");
		ChainVerification result = log.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(5);
	}

	@Test
	void aCheckpointWhoseContentWasChangedFailsItsSignature() throws IOException {
		checkpoints.checkpoint();
		Path file = checkpoints.file();
		String line = Files.readString(file);
		// claim the chain ended at entry 3: what someone truncating the chain would need the file to say
		Files.writeString(file, line.replace("\"seq\":5", "\"seq\":3").replace(hashOf(5), hashOf(3)));

		ChainVerification result = log.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.problem()).contains("invalid signature");
		assertThat(result.checkpointsChecked()).isZero();
	}

	@Test
	void aCheckpointSignedWithAnotherKeyIsRefused(@TempDir Path elsewhere) throws IOException {
		CheckpointKey other = CheckpointKey.loadOrCreate(elsewhere.resolve("other.pem"));
		String at = "2026-12-01T10:00:00Z";
		String forged = "{\"format\":\"eccp-audit-checkpoint/1\",\"seq\":5,\"hash\":\"" + hashOf(5) + "\",\"at\":\"" + at
				+ "\",\"keyId\":\"" + other.id() + "\",\"publicKey\":\"" + other.publicKeyBase64() + "\",\"signature\":\""
				+ other.sign(AuditCheckpoints.Checkpoint.signedBytes(5, hashOf(5), at, other.id())) + "\"}\n";
		checkpoints.checkpoint();
		Files.writeString(checkpoints.file(), forged, StandardOpenOption.APPEND);

		ChainVerification result = log.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.problem()).contains("not by this platform's key");
	}

	@Test
	void aCheckpointIsWrittenOnlyWhenTheHeadMovedSignedAndSentToTheDestination() throws IOException {
		RECEIVED.clear();
		assertThat(checkpoints.checkpoint()).isPresent();
		assertThat(checkpoints.checkpoint()).isEmpty();
		record(2);
		assertThat(checkpoints.checkpoint()).hasValueSatisfying(c -> {
			assertThat(c.seq()).isEqualTo(7);
			assertThat(c.hash()).isEqualTo(hashOf(7));
		});

		List<String> lines = Files.readAllLines(checkpoints.file());
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains("\"seq\":7", "\"keyId\":", "\"publicKey\":", "\"signature\":");
		assertThat(RECEIVED).containsExactlyElementsOf(lines);
		ChainVerification result = log.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.checkpointsChecked()).isEqualTo(2);
	}

	@Test
	void theSigningKeyIsCreatedOnFirstUseAndReadableByItsOwnerOnly() throws IOException {
		checkpoints.checkpoint();
		assertThat(Files.readString(KEY)).contains("BEGIN PRIVATE KEY", "BEGIN PUBLIC KEY");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KEY))).isEqualTo("rw-------");
	}
}
