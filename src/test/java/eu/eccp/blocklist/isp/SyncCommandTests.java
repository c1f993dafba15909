package eu.eccp.blocklist.isp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code blocklist sync} against an HTTP endpoint on loopback that serves genuinely signed documents (the
 * platform's format classes, JDK Ed25519 keys) — and, where a test says so, altered ones. What it serves is
 * set per test; the command under test is the real one, with its real HTTP client and files.
 */
class SyncCommandTests {

	@TempDir
	Path dir;

	HttpServer server;

	KeyPair key;

	PublishedKey published;

	/** What the endpoint answers: path (with query) to status, body, signature header. */
	final Map<String, Answer> answers = new LinkedHashMap<>();

	final List<String> confirmations = new CopyOnWriteArrayList<>();

	final List<String> asked = new CopyOnWriteArrayList<>();

	record Answer(int status, byte[] body, String signature) {
	}

	@BeforeEach
	void start() throws IOException, GeneralSecurityException {
		key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		published = PublishedKey.of(key.getPublic(), Instant.parse("2026-01-01T00:00:00Z"), null);
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
		keySet(List.of(published), key);
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().toString();
		asked.add(exchange.getRequestMethod() + " " + path);
		if (exchange.getRequestMethod().equals("POST")) {
			confirmations.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		Answer answer = answers.get(path);
		if (answer == null) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		if (answer.signature() != null) {
			exchange.getResponseHeaders().add(SignatureHeader.NAME, answer.signature());
		}
		exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
		exchange.getResponseBody().write(answer.body());
		exchange.close();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/blocklist/DE";
	}

	static String sign(KeyPair pair, byte[] body) {
		try {
			Signature s = Signature.getInstance("Ed25519");
			s.initSign(pair.getPrivate());
			s.update(body);
			return SignatureHeader.format(Map.of(PublishedKey.idOf(pair.getPublic().getEncoded()), s.sign()));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	void keySet(List<PublishedKey> keys, KeyPair... signers) {
		byte[] body = new KeySetDocument(Instant.parse("2026-12-01T00:00:00Z"), keys).toBytes();
		Map<String, byte[]> sigs = new LinkedHashMap<>();
		for (KeyPair signer : signers) {
			sigs.putAll(SignatureHeader.parse(sign(signer, body)));
		}
		answers.put("/api/v1/blocklist/keys", new Answer(200, body, SignatureHeader.format(sigs)));
	}

	static ListDocument.Change add(String expression, long ref) {
		return ListDocument.Change.addition(expression, ref);
	}

	static ListDocument.Change remove(String expression) {
		return ListDocument.Change.removal(ExpressionHash.of(expression));
	}

	static ListDocument full(long version, List<String> expressions) {
		List<ListDocument.Change> changes = new ArrayList<>();
		List<byte[]> hashes = new ArrayList<>();
		for (int i = 0; i < expressions.size(); i++) {
			changes.add(add(expressions.get(i), 1000 + i));
			hashes.add(ExpressionHash.of(expressions.get(i)));
		}
		return new ListDocument("DE", ListDocument.Kind.FULL, 0, version, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(version),
				ListDocument.digestOf(hashes), changes);
	}

	static ListDocument delta(long from, long version, List<String> resulting, List<ListDocument.Change> changes) {
		List<byte[]> hashes = resulting.stream().map(ExpressionHash::of).toList();
		return new ListDocument("DE", ListDocument.Kind.DELTA, from, version,
				Instant.parse("2026-12-01T10:00:00Z").plusSeconds(version), ListDocument.digestOf(hashes), changes);
	}

	void serve(String pathAndQuery, ListDocument doc) {
		byte[] body = doc.toBytes();
		answers.put(pathAndQuery, new Answer(200, body, sign(key, body)));
	}

	int sync(String... extra) {
		List<String> args = new ArrayList<>(List.of("--url=" + url(), "--token=isp-token", "--dir=" + dir));
		args.addAll(List.of(extra));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = SyncCommand.withDefaultClient().run(args, new PrintStream(out, true), new PrintStream(err, true), Map.of());
		lastErr = err.toString(StandardCharsets.UTF_8);
		return code;
	}

	String lastErr = "";

	int firstSync() {
		serve("/api/v1/blocklist/DE", full(1, List.of("evil.example/", "host.example/abuse/")));
		return sync("--trust-key=" + published.publicKeyBase64());
	}

	long localVersion() throws IOException {
		return new LocalCopy(dir).read().orElseThrow().version();
	}

	String check(String url) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		CheckCommand.run(List.of("--dir=" + dir), new ByteArrayInputStream((url + "\n").getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true), System.err);
		return out.toString(StandardCharsets.UTF_8).strip();
	}

	@Test
	void firstSyncTakesTheFullListAndConfirmsItsVersion() throws IOException {
		assertThat(firstSync()).isZero();
		assertThat(localVersion()).isEqualTo(1);
		assertThat(confirmations).containsExactly("{\"version\":1}");
		assertThat(check("http://EVIL.example/anything")).isEqualTo("OK message=" + ReferenceCode.format(1000));
		assertThat(Files.readString(dir.resolve(LocalCopy.TRUSTED_KEYS))).contains(published.id());
	}

	@Test
	void appliesADeltaInOrder() throws IOException {
		firstSync();
		serve("/api/v1/blocklist/DE?since=1", delta(1, 3, List.of("host.example/abuse/", "new.example/"),
				List.of(remove("evil.example/"), add("new.example/", 2000))));
		assertThat(sync()).isZero();
		assertThat(localVersion()).isEqualTo(3);
		assertThat(check("http://evil.example/")).isEqualTo("ERR");
		assertThat(check("http://new.example/x")).startsWith("OK");
		assertThat(Files.exists(dir.resolve(LocalCopy.PREVIOUS))).isTrue();
		assertThat(confirmations).last().isEqualTo("{\"version\":3}");
	}

	@Test
	void refusesATamperedFullListAndKeepsTheCopy() throws IOException {
		firstSync();
		byte[] before = Files.readAllBytes(dir.resolve(LocalCopy.LIST));
		ListDocument newer = full(2, List.of("evil.example/"));
		byte[] body = newer.toBytes();
		String signature = sign(key, body);
		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("version 2", "version 9").getBytes(StandardCharsets.UTF_8);
		answers.put("/api/v1/blocklist/DE?since=1", new Answer(200, tampered, signature));
		assertThat(sync()).isEqualTo(SyncCommand.REFUSED);
		assertThat(lastErr).contains("signature");
		assertThat(Files.readAllBytes(dir.resolve(LocalCopy.LIST))).isEqualTo(before);
	}

	@Test
	void refusesATamperedDelta() throws IOException {
		firstSync();
		ListDocument d = delta(1, 2, List.of("evil.example/"), List.of(remove("host.example/abuse/")));
		byte[] body = d.toBytes();
		String signature = sign(key, body);
		String text = new String(body, StandardCharsets.UTF_8);
		// the removal now names another entry: the bytes differ from what was signed
		String other = "- " + ExpressionHash.hex("evil.example/");
		byte[] tampered = text.replaceAll("- [0-9a-f]{64}", other).getBytes(StandardCharsets.UTF_8);
		answers.put("/api/v1/blocklist/DE?since=1", new Answer(200, tampered, signature));
		assertThat(sync()).isEqualTo(SyncCommand.REFUSED);
		assertThat(localVersion()).isEqualTo(1);
		assertThat(check("http://evil.example/")).startsWith("OK");
	}

	@Test
	void refusesAListSignedByAKeyItDoesNotTrust() throws Exception {
		firstSync();
		KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] body = full(2, List.of()).toBytes();
		answers.put("/api/v1/blocklist/DE?since=1", new Answer(200, body, sign(stranger, body)));
		assertThat(sync()).isEqualTo(SyncCommand.REFUSED);
		assertThat(localVersion()).isEqualTo(1);
	}

	@Test
	void refusesAKeySetNotSignedByATrustedKey() throws Exception {
		firstSync();
		KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		keySet(List.of(PublishedKey.of(stranger.getPublic(), Instant.EPOCH, null)), stranger);
		assertThat(sync()).isEqualTo(SyncCommand.REFUSED);
		assertThat(Files.readString(dir.resolve(LocalCopy.TRUSTED_KEYS))).contains(published.id());
	}

	@Test
	void refusesAGap() throws IOException {
		firstSync();
		serve("/api/v1/blocklist/DE?since=1", delta(2, 3, List.of("evil.example/"), List.of(remove("host.example/abuse/"))));
		assertThat(sync()).isEqualTo(SyncCommand.REFUSED);
		assertThat(lastErr).contains("gap");
		assertThat(localVersion()).isEqualTo(1);
	}

	@Test
	void refusesAnOlderVersion() throws IOException {
		firstSync();
		serve("/api/v1/blocklist/DE?since=1", delta(1, 3, List.of("evil.example/"), List.of(remove("host.example/abuse/"))));
		assertThat(sync()).isZero();
		// an older full list, and an older delta, replayed
		serve("/api/v1/blocklist/DE?since=3", full(2, List.of("evil.example/", "host.example/abuse/")));
		assertThat(sync()).isEqualTo(SyncCommand.REFUSED);
		assertThat(lastErr).contains("replay");
		serve("/api/v1/blocklist/DE?since=3", delta(1, 3, List.of("evil.example/"), List.of(remove("host.example/abuse/"))));
		assertThat(sync()).isEqualTo(SyncCommand.REFUSED);
		assertThat(lastErr).contains("replay");
		assertThat(localVersion()).isEqualTo(3);
	}

	@Test
	void refusesADeltaWhoseResultDiffersFromTheSignedDigest() throws IOException {
		firstSync();
		// correctly signed, but the digest is of another result (the platform and the copy have drifted)
		serve("/api/v1/blocklist/DE?since=1", delta(1, 2, List.of("something.else/"), List.of(remove("evil.example/"))));
		assertThat(sync()).isEqualTo(SyncCommand.REFUSED);
		assertThat(localVersion()).isEqualTo(1);
	}

	@Test
	void fetchesTheFullListWhenItsVersionIsTooOldForADelta() throws IOException {
		firstSync();
		answers.put("/api/v1/blocklist/DE?since=1", new Answer(410, "{\"title\":\"fetch the full list\"}".getBytes(), null));
		serve("/api/v1/blocklist/DE", full(40, List.of("late.example/")));
		assertThat(sync()).isZero();
		assertThat(localVersion()).isEqualTo(40);
		assertThat(asked).contains("GET /api/v1/blocklist/DE?since=1");
	}

	@Test
	void followsAKeyRotationAnnouncedByTheTrustedKey() throws Exception {
		firstSync();
		KeyPair next = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		PublishedKey nextKey = PublishedKey.of(next.getPublic(), Instant.parse("2026-12-01T00:00:00Z"), null);
		PublishedKey oldKey = new PublishedKey(published.id(), published.x509(), published.validFrom(),
				Instant.parse("2026-12-31T00:00:00Z"));
		keySet(List.of(oldKey, nextKey), key, next);
		key = next;
		serve("/api/v1/blocklist/DE?since=1", delta(1, 2, List.of("evil.example/"), List.of(remove("host.example/abuse/"))));
		assertThat(sync()).isZero();
		assertThat(localVersion()).isEqualTo(2);
	}

	@Test
	void needsATrustedKeyOnTheFirstRun() {
		serve("/api/v1/blocklist/DE", full(1, List.of("evil.example/")));
		assertThat(sync()).isEqualTo(SyncCommand.CANNOT_RUN);
		assertThat(Files.exists(dir.resolve(LocalCopy.LIST))).isFalse();
	}

	@Test
	void keepsTheCopyWhenThePlatformCannotBeReached() throws IOException {
		firstSync();
		server.stop(0);
		assertThat(sync()).isEqualTo(SyncCommand.CANNOT_RUN);
		assertThat(localVersion()).isEqualTo(1);
	}

}
