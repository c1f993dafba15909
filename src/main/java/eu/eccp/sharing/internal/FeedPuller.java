package eu.eccp.sharing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.audit.AuditActor;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The TAXII 2.1 client: one thread per node pulls due sources one at a time. A node claims a source under a lease
 * ({@code FOR UPDATE SKIP LOCKED}, so nodes never pull one source at once and a dead node's source is taken over when
 * its lease runs out), asks for {@code objects/?added_after=CURSOR&limit=N}, follows {@code next} while
 * {@code more} is true, imports each page ({@link StixImport}) and moves the cursor to the page's
 * {@code X-TAXII-Date-Added-Last} less one microsecond (the last object is fetched again next time, which an
 * idempotent import makes harmless, and a server stamping several objects with one time loses none). A failed pull
 * (network, timeout, an answer other than 200) is tried again after a wait that doubles with each failure in a row.
 * Redirects are not followed, and the address is checked again on every pull.
 */
@Component
class FeedPuller {

	private static final Logger log = LoggerFactory.getLogger(FeedPuller.class);

	static final String TAXII = "application/taxii+json;version=2.1";

	private static final int MAX_PAGES_PER_RUN = 100_000;

	private final FeedSourceRepository sources;
	private final FeedSources checks;
	private final StixImport imports;
	private final FeedProperties properties;
	private final JsonMapper json;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final HttpClient http;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "sharing-feeds");
		t.setDaemon(true);
		return t;
	});
	private final AtomicBoolean running = new AtomicBoolean();

	FeedPuller(FeedSourceRepository sources, FeedSources checks, StixImport imports, FeedProperties properties,
			JsonMapper json, TransactionTemplate transactions, Clock clock) {
		this.sources = sources;
		this.checks = checks;
		this.imports = imports;
		this.properties = properties;
		this.json = json;
		this.transactions = transactions;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Scheduled(fixedDelayString = "${eccp.sharing.feeds.poll-interval:10s}", initialDelayString = "${eccp.sharing.feeds.poll-interval:10s}")
	void schedule() {
		if (running.compareAndSet(false, true)) {
			worker.execute(() -> {
				try {
					while (!Thread.currentThread().isInterrupted() && pullOneDue()) {
						// next due source
					}
				}
				catch (RuntimeException e) {
					log.warn("TAXII client run failed: {}", e.toString());
				}
				finally {
					running.set(false);
				}
			});
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	/** Pulls one due source, if any; returns whether there was one. */
	boolean pullOneDue() {
		Instant now = clock.instant();
		Optional<FeedSourceRepository.Source> claimed = transactions
			.execute(status -> sources.claimDue(now, now.plus(properties.lease())));
		if (claimed == null || claimed.isEmpty()) {
			return false;
		}
		FeedSourceRepository.Source source = claimed.get();
		try {
			List<ImportReport.Rejection> rejections = pull(source);
			Instant done = clock.instant();
			transactions.executeWithoutResult(status -> sources.succeeded(source.id(), done,
					done.plusSeconds(source.intervalSeconds()), rejections));
		}
		catch (PullFailed | RuntimeException e) {
			String error = e instanceof PullFailed ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
			long factor = 1L << Math.min(20, source.failures());
			Duration wait = properties.baseDelay().multipliedBy(factor);
			Duration delay = wait.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : wait;
			log.info("TAXII source {} failed ({}), next attempt in {}", source.id(), error, delay);
			transactions.executeWithoutResult(status -> sources.failed(source.id(), String.valueOf(error),
					clock.instant().plus(delay)));
		}
		return true;
	}

	/** A pull that could not go on; the message says why (shown on the source). */
	static final class PullFailed extends Exception {

		PullFailed(String message) {
			super(message, null, false, false);
		}
	}

	private List<ImportReport.Rejection> pull(FeedSourceRepository.Source source) throws PullFailed {
		String urlError = checks.checkUrl(source.url());
		if (urlError != null) {
			throw new PullFailed("the address is not acceptable: " + urlError);
		}
		String addedAfter = source.addedAfter();
		String next = null;
		List<ImportReport.Rejection> rejections = new ArrayList<>();
		AuditActor actor = new AuditActor(null, "taxii-client:" + source.name(), new OrganisationId(source.organisation()));
		for (int page = 0; page < MAX_PAGES_PER_RUN; page++) {
			StringBuilder url = new StringBuilder(source.url()).append("objects/?limit=").append(source.pageSize());
			if (addedAfter != null) {
				url.append("&added_after=").append(URLEncoder.encode(addedAfter, StandardCharsets.UTF_8));
			}
			if (next != null) {
				url.append("&next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
			}
			HttpResponse<InputStream> response = get(source, url.toString());
			JsonNode envelope;
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					throw new PullFailed("HTTP " + response.statusCode());
				}
				envelope = json.readTree(body);
			}
			catch (IOException | tools.jackson.core.JacksonException e) {
				throw new PullFailed("unreadable answer: " + e.getMessage());
			}
			List<JsonNode> objects = new ArrayList<>();
			envelope.path("objects").forEach(objects::add);
			ImportReport report = imports.importObjects(source.organisation(), objects, Tlp.valueOf(source.tlp()), "taxii",
					actor);
			for (ImportReport.Rejection r : report.rejected()) {
				if (rejections.size() < 100) {
					rejections.add(r);
				}
			}
			String last = response.headers().firstValue("X-TAXII-Date-Added-Last").orElse(null);
			String cursor = cursor(last);
			Instant lease = clock.instant().plus(properties.lease());
			transactions.executeWithoutResult(status -> sources.pageDone(source.id(), cursor, report, lease));
			boolean more = envelope.path("more").asBoolean(false);
			next = envelope.path("next").asString(null);
			if (!more || next == null || next.isBlank()) {
				return rejections;
			}
		}
		return rejections;
	}

	/** The cursor after a page: its last date added less one microsecond (see the class comment). */
	static @Nullable String cursor(@Nullable String lastAdded) {
		if (lastAdded == null || lastAdded.isBlank()) {
			return null;
		}
		try {
			return StixTime.format(StixTime.parse(lastAdded).minus(1, ChronoUnit.MICROS));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private HttpResponse<InputStream> get(FeedSourceRepository.Source source, String url) throws PullFailed {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.readTimeout())
			.header("Accept", TAXII).GET();
		if (source.secret() != null) {
			request.header("Authorization", source.username() != null
					? "Basic " + Base64.getEncoder().encodeToString((source.username() + ":" + source.secret())
						.getBytes(StandardCharsets.UTF_8))
					: "Bearer " + source.secret());
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException e) {
			throw new PullFailed("could not reach the source: " + e.getClass().getSimpleName());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PullFailed("interrupted");
		}
	}
}
