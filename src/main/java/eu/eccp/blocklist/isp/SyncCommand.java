package eu.eccp.blocklist.isp;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;



/**
 * {@code java -jar eccp.jar blocklist sync --url=URL --token=TOKEN --dir=DIR [--trust-key=BASE64]}: brings
 * the local copy in DIR up to date with the country list at URL ({@code https://HOST/api/v1/blocklist/CC}),
 * without database or Spring.
 *
 * <ol>
 * <li>Reads the trusted keys ({@code DIR/trusted-keys}; on the first run from {@code --trust-key=}, the
 * Base64 X.509 public key given to the ISP with its agreement). Fetches {@code …/blocklist/keys}; a key set
 * signed by a trusted key replaces the trusted keys (that is how rotation reaches clients); one that is not
 * is refused.</li>
 * <li>Asks for {@code URL?since=V} (V the copy's version), or the full list when there is no copy or the
 * platform answers 410 (V too old for a delta).</li>
 * <li>Verifies the detached Ed25519 signature ({@code ECCP-Signature}) over the exact bytes with a trusted
 * key valid at the document's issue time, then {@link ListUpdate} checks country, version order and
 * digest.</li>
 * <li>Writes the new copy atomically (the old one kept as {@code list.bin.previous}) and confirms the
 * version it now applies with {@code POST URL/applied}.</li>
 * </ol>
 *
 * Exit codes: 0 up to date (changed or not); 1 refused (bad signature, gap, replay, drifted digest,
 * malformed document: the copy is unchanged); 2 could not run (usage, network, files).
 */
public final class SyncCommand {

	public static final int OK = 0;

	public static final int REFUSED = 1;

	public static final int CANNOT_RUN = 2;

	private final HttpClient http;

	public SyncCommand(HttpClient http) {
		this.http = http;
	}

	public static SyncCommand withDefaultClient() {
		return new SyncCommand(HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(20))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
	}

	public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> environment) {
		String url = null;
		String token = environment.get("ECCP_BLOCKLIST_TOKEN");
		String dir = null;
		List<String> trustKeys = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--url=")) {
				url = arg.substring(6);
			}
			else if (arg.startsWith("--token=")) {
				token = arg.substring(8);
			}
			else if (arg.startsWith("--dir=")) {
				dir = arg.substring(6);
			}
			else if (arg.startsWith("--trust-key=")) {
				trustKeys.add(arg.substring(12));
			}
			else {
				err.println("blocklist sync: unknown argument '" + arg + "'");
				usage(err);
				return CANNOT_RUN;
			}
		}
		if (url == null || dir == null || token == null || token.isBlank()) {
			err.println("blocklist sync: --url, --dir and --token (or ECCP_BLOCKLIST_TOKEN) are needed");
			usage(err);
			return CANNOT_RUN;
		}
		url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		String country = url.substring(url.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
		if (!country.matches("[A-Z]{2}")) {
			err.println("blocklist sync: --url must end with the country, e.g. https://eccp.example/api/v1/blocklist/DE");
			return CANNOT_RUN;
		}
		LocalCopy local = new LocalCopy(Path.of(dir));
		try {
			Files.createDirectories(local.dir());
			try (FileChannel lockFile = FileChannel.open(local.dir().resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
				if (lock == null) {
					err.println("blocklist sync: another sync is running on " + dir);
					return CANNOT_RUN;
				}
				return sync(url, country, token, local, trustKeys, out, err);
			}
			catch (OverlappingFileLockException e) {
				err.println("blocklist sync: another sync is running on " + dir);
				return CANNOT_RUN;
			}
		}
		catch (IOException e) {
			err.println("blocklist sync: " + e.getMessage() + " — the local copy is unchanged");
			return CANNOT_RUN;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			err.println("blocklist sync: interrupted — the local copy is unchanged");
			return CANNOT_RUN;
		}
	}

	private int sync(String url, String country, String token, LocalCopy local, List<String> trustKeys,
			PrintStream out, PrintStream err) throws IOException, InterruptedException {
		List<PublishedKey> trusted = new ArrayList<>(local.trustedKeys().map(KeySetDocument::keys).orElse(List.of()));
		for (String base64 : trustKeys) {
			try {
				byte[] x509 = Base64.getDecoder().decode(base64.strip());
				PublishedKey key = new PublishedKey(PublishedKey.idOf(x509), x509, Instant.EPOCH, null);
				if (trusted.stream().noneMatch(key::sameKey)) {
					trusted.add(key);
				}
			}
			catch (IllegalArgumentException e) {
				err.println("blocklist sync: --trust-key is not Base64");
				return CANNOT_RUN;
			}
		}
		if (trusted.isEmpty()) {
			err.println("blocklist sync: no trusted key: give the platform's public key once with --trust-key=BASE64");
			return CANNOT_RUN;
		}

		// 1. keys
		String keysUrl = url.substring(0, url.lastIndexOf('/')) + "/keys";
		HttpResponse<byte[]> keys = get(keysUrl, token);
		if (keys.statusCode() == 200) {
			String signature = keys.headers().firstValue(SignatureHeader.NAME).orElse("");
			try {
				KeySetDocument set = KeySetDocument.parse(keys.body());
				if (!SignatureHeader.verifiedBy(trusted, keys.body(), signature, set.issued())) {
					err.println("blocklist sync: REFUSED the key set: no signature by a trusted key — the local copy is unchanged");
					return REFUSED;
				}
				trusted = new ArrayList<>(set.keys());
				local.writeTrustedKeys(set);
			}
			catch (ListDocument.MalformedListException e) {
				err.println("blocklist sync: REFUSED the key set: " + e.getMessage());
				return REFUSED;
			}
		}
		else {
			err.println("blocklist sync: the key set could not be fetched (HTTP " + keys.statusCode()
					+ "); going on with the trusted keys");
		}

		// 2. the list
		Optional<LocalCopy.Copy> current;
		try {
			current = local.read();
		}
		catch (IOException damaged) {
			err.println("blocklist sync: " + damaged.getMessage() + "; fetching the full list");
			current = Optional.empty();
		}
		HttpResponse<byte[]> response = get(current.isPresent() ? url + "?since=" + current.get().version() : url, token);
		if (response.statusCode() == 410 && current.isPresent()) {
			out.println(country + ": version " + current.get().version() + " is too old for a delta; fetching the full list");
			response = get(url, token);
		}
		if (response.statusCode() != 200) {
			err.println("blocklist sync: HTTP " + response.statusCode() + " from " + url + ": "
					+ new String(response.body(), StandardCharsets.UTF_8).lines().findFirst().orElse("")
					+ " — the local copy is unchanged");
			return response.statusCode() == 409 ? REFUSED : CANNOT_RUN;
		}

		// 3. verify and apply
		byte[] body = response.body();
		ListDocument doc;
		try {
			doc = ListDocument.parse(body);
		}
		catch (ListDocument.MalformedListException e) {
			err.println("blocklist sync: REFUSED: malformed list (" + e.getMessage() + ") — the local copy is unchanged");
			return REFUSED;
		}
		String signature = response.headers().firstValue(SignatureHeader.NAME).orElse("");
		if (!SignatureHeader.verifiedBy(trusted, body, signature, doc.issued())) {
			err.println("blocklist sync: REFUSED: the signature does not verify with a trusted key — the local copy is unchanged");
			return REFUSED;
		}
		Optional<LocalCopy.Copy> next;
		try {
			next = ListUpdate.apply(current.orElse(null), country, doc);
		}
		catch (RefusedListException e) {
			err.println("blocklist sync: REFUSED: " + e.getMessage() + " — the local copy is unchanged");
			return REFUSED;
		}
		long applied;
		if (next.isPresent()) {
			local.write(next.get());
			applied = next.get().version();
			out.println(country + ": now at version " + applied + " (" + next.get().list().size() + " entries"
					+ (current.isPresent() ? ", was " + current.get().version() : "") + ")");
		}
		else {
			applied = current.map(LocalCopy.Copy::version).orElse(doc.version());
			out.println(country + ": up to date at version " + applied);
		}

		// 4. confirm
		HttpResponse<byte[]> confirmed = http.send(HttpRequest.newBuilder(URI.create(url + "/applied"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + applied + "}"))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (confirmed.statusCode() / 100 != 2) {
			err.println("blocklist sync: the platform did not take the confirmation of version " + applied + " (HTTP "
					+ confirmed.statusCode() + "); the next sync confirms again");
		}
		return OK;
	}

	private HttpResponse<byte[]> get(String url, String token) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/plain")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static void usage(PrintStream err) {
		err.println("usage: java -jar eccp.jar blocklist sync --url=https://HOST/api/v1/blocklist/CC --token=TOKEN"
				+ " --dir=DIR [--trust-key=BASE64]");
	}

}
