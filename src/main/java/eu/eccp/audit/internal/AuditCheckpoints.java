package eu.eccp.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anchors the audit trail's hash chain outside the database: every {@code interval}, when the chain's head
 * moved, its sequence number and hash are signed with the platform's Ed25519 key and appended as one JSON
 * line to the checkpoint file (and POSTed to {@code url} when one is configured). Whoever rewrites the newest
 * entries and the head back, triggers switched off, is found out by the verification: a signed checkpoint
 * names an entry that no longer exists, or one whose hash is no longer what was signed.
 *
 * <p>A checkpoint that could not be sent is not sent again: the next one covers it, because each entry's
 * hash covers every entry before it.
 */
@Service
class AuditCheckpoints implements SchedulingConfigurer {

	static final String FORMAT = "eccp-audit-checkpoint/1";

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	/** One signed checkpoint: entry {@code seq} had hash {@code hash} at {@code at}. */
	record Checkpoint(String format, long seq, String hash, String at, String keyId, String publicKey,
			String signature) {

		byte[] signedBytes() {
			return signedBytes(seq, hash, at, keyId);
		}

		static byte[] signedBytes(long seq, String hash, String at, String keyId) {
			return (FORMAT + "\n" + seq + "\n" + hash + "\n" + at + "\n" + keyId).getBytes(StandardCharsets.UTF_8);
		}
	}

	/** A checkpoint line that does not hold: its line number, the entry it names (0 if unreadable), why. */
	record Flaw(int line, long seq, String problem) {
	}

	/** What a checkpoint file says: the checkpoints validly signed by the platform's key, and the first flaw. */
	record Reading(List<Checkpoint> valid, @Nullable Flaw flaw) {

		static final Reading NONE = new Reading(List.of(), null);
	}

	private final AuditRepository repository;
	private final JsonMapper json;
	private final Clock clock;
	private final AuditProperties.Checkpoints options;
	private final Path file;
	private final Path keyFile;
	private final boolean commandLine;
	private final HttpClient http;
	private long lastCheckpointed = -1;

	AuditCheckpoints(AuditRepository repository, JsonMapper json, Clock clock, AuditProperties properties,
			@Value("${eccp.data-dir:./data}") Path dataDir, @Value("${eccp.command-line:false}") boolean commandLine) {
		this.repository = repository;
		this.json = json;
		this.clock = clock;
		this.options = properties.checkpoints();
		Path audit = dataDir.resolve("audit");
		this.file = (options.file() != null ? options.file() : audit.resolve("checkpoints.jsonl")).toAbsolutePath();
		this.keyFile = (options.keyFile() != null ? options.keyFile() : audit.resolve("checkpoint-key.pem")).toAbsolutePath();
		this.commandLine = commandLine;
		this.http = HttpClient.newBuilder().connectTimeout(options.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	boolean enabled() {
		return options.enabled();
	}

	Path file() {
		return file;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (options.enabled() && !commandLine) {
			Duration first = options.interval().compareTo(Duration.ofSeconds(30)) < 0 ? options.interval() : Duration.ofSeconds(30);
			registrar.addFixedDelayTask(new FixedDelayTask(this::checkpointQuietly, options.interval(), first));
		}
	}

	private void checkpointQuietly() {
		try {
			checkpoint();
		}
		catch (RuntimeException e) {
			log.error("could not write an audit checkpoint to {}", file, e);
		}
	}

	/** Signs and appends a checkpoint of the chain's head, unless it has not moved since the last one. */
	synchronized Optional<Checkpoint> checkpoint() {
		AuditRepository.ChainHead head = repository.head();
		long[] seq = { head.seq() };
		String hash = head.hash();
		if (lastCheckpointed < 0) {
			lastCheckpointed = lastSeqInFile();
		}
		if (seq[0] == 0 || seq[0] <= lastCheckpointed) {
			return Optional.empty();
		}
		CheckpointKey key = CheckpointKey.loadOrCreate(keyFile);
		String at = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
		Checkpoint checkpoint = new Checkpoint(FORMAT, seq[0], hash, at, key.id(), key.publicKeyBase64(),
				key.sign(Checkpoint.signedBytes(seq[0], hash, at, key.id())));
		String line = json.writeValueAsString(checkpoint);
		append(line);
		lastCheckpointed = seq[0];
		log.debug("audit checkpoint at entry {}", seq[0]);
		if (options.url() != null) {
			send(line);
		}
		return Optional.of(checkpoint);
	}

	private void append(String line) {
		try {
			Files.createDirectories(file.getParent());
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot append to the audit checkpoint file " + file, e);
		}
	}

	private void send(String line) {
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(options.url())
				.timeout(options.timeout())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(line))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() / 100 != 2) {
				log.warn("the audit checkpoint destination {} answered {}", options.url(), response.statusCode());
			}
		}
		catch (IOException e) {
			log.warn("could not send the audit checkpoint to {}: {}", options.url(), e.toString());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private long lastSeqInFile() {
		return read(file).valid().stream().mapToLong(Checkpoint::seq).max().orElse(0);
	}

	/** Reads the configured checkpoint file (nothing when checkpoints are off or none was written yet). */
	Reading read() {
		return options.enabled() ? read(file) : Reading.NONE;
	}

	/**
	 * Reads a checkpoint file (the platform's own, or a copy kept elsewhere) and checks every line's signature
	 * against the platform's key.
	 *
	 * @throws UncheckedIOException when the file exists but cannot be read
	 */
	Reading read(Path checkpoints) {
		if (!Files.exists(checkpoints)) {
			return Reading.NONE;
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(checkpoints, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the audit checkpoint file " + checkpoints, e);
		}
		Optional<CheckpointKey> key = CheckpointKey.load(keyFile);
		List<Checkpoint> valid = new ArrayList<>();
		Flaw flaw = null;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			int number = i + 1;
			Checkpoint checkpoint = parse(lines.get(i));
			String problem;
			if (checkpoint == null) {
				problem = "checkpoint line " + number + " cannot be read";
			}
			else if (key.isEmpty() || !key.get().id().equals(checkpoint.keyId())
					|| !key.get().publicKeyBase64().equals(checkpoint.publicKey())) {
				problem = "the checkpoint of entry " + checkpoint.seq() + " (line " + number + ") is signed by key "
						+ checkpoint.keyId() + ", not by this platform's key" + key.map(k -> " " + k.id()).orElse("");
			}
			else if (!key.get().verify(checkpoint.signedBytes(), checkpoint.signature())) {
				problem = "the checkpoint of entry " + checkpoint.seq() + " (line " + number + ") has an invalid signature";
			}
			else {
				valid.add(checkpoint);
				continue;
			}
			if (flaw == null) {
				flaw = new Flaw(number, checkpoint == null ? 0 : checkpoint.seq(), problem);
			}
		}
		return new Reading(List.copyOf(valid), flaw);
	}

	private @Nullable Checkpoint parse(String line) {
		try {
			JsonNode node = json.readTree(line);
			if (!FORMAT.equals(node.path("format").asString(null)) || !node.path("seq").isIntegralNumber()) {
				return null;
			}
			String hash = node.path("hash").asString(null);
			String at = node.path("at").asString(null);
			String keyId = node.path("keyId").asString(null);
			String publicKey = node.path("publicKey").asString(null);
			String signature = node.path("signature").asString(null);
			if (hash == null || at == null || keyId == null || publicKey == null || signature == null) {
				return null;
			}
			return new Checkpoint(FORMAT, node.path("seq").asLong(), hash, at, keyId, publicKey, signature);
		}
		catch (JacksonException e) {
			return null;
		}
	}
}
