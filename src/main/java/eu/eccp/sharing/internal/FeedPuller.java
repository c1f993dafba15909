package eu.eccp.sharing.internal;

import java.net.URLEncoder;
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
 * The feed client: one thread per node pulls due sources one at a time, TAXII 2.1 collections here and MISP feeds
 * through {@link MispFeedPull}. A node claims a source under a lease
 * ({@code FOR UPDATE SKIP LOCKED}, so nodes never pull one source at once and a dead node's source is taken over when
 * its lease runs out), asks for {@code objects/?added_after=CURSOR&limit=N}, follows {@code next} while
 * {@code more} is true, imports each page ({@link StixImport}) and moves the cursor to the page's
 * {@code X-TAXII-Date-Added-Last} less one microsecond (the last object is fetched again next time, which an
 * idempotent import makes harmless, and a server stamping several objects with one time loses none). A failed pull
 * (network, timeout, an answer other than 200) is tried again after a wait that doubles with each failure in a row.
 * Redirects are not followed, and the address is checked again on every pull and on every connection
 * ({@link FeedHttp} connects to the very addresses it checked). The credential is decrypted for the pull only.
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
	private final FeedHttp http;
	private final MispFeedPull misp;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "sharing-feeds");
		t.setDaemon(true);
		return t;
	});
	private final AtomicBoolean running = new AtomicBoolean();

	FeedPuller(FeedSourceRepository sources, FeedSources checks, StixImport imports, FeedProperties properties,
			JsonMapper json, TransactionTemplate transactions, Clock clock, FeedHttp http, MispFeedPull misp) {
		this.sources = sources;
		this.checks = checks;
		this.imports = imports;
		this.properties = properties;
		this.json = json;
		this.transactions = transactions;
		this.clock = clock;
		this.http = http;
		this.misp = misp;
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
			MispFeedPull.Pulled pulled = pull(source);
			Instant done = clock.instant();
			Instant nextRun = pulled.more() ? done.plus(properties.pollInterval()) : done.plusSeconds(source.intervalSeconds());
			transactions.executeWithoutResult(status -> sources.succeeded(source.id(), done, nextRun, pulled.rejections()));
		}
		catch (PullFailed | RuntimeException e) {
			String error = e instanceof PullFailed ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
			String code = e instanceof PullFailed f ? f.code : "internal";
			String arg = e instanceof PullFailed f ? f.arg : null;
			long factor = 1L << Math.min(20, source.failures());
			Duration wait = properties.baseDelay().multipliedBy(factor);
			Duration delay = wait.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : wait;
			log.info("TAXII source {} failed ({}), next attempt in {}", source.id(), error, delay);
			transactions.executeWithoutResult(status -> sources.failed(source.id(), String.valueOf(error), code, arg,
					clock.instant().plus(delay)));
		}
		return true;
	}

	/**
	 * A pull that could not go on: the message says why in English (the API's {@code lastError}), the code
	 * ({@code sharing.feed.error.CODE} in the bundles) and its argument say it in the reader's language on the page.
	 */
	static final class PullFailed extends Exception {

		final String code;
		final @Nullable String arg;

		PullFailed(String code, @Nullable String arg, String message) {
			super(message, null, false, false);
			this.code = code;
			this.arg = arg;
		}

		static PullFailed http(int status, String what) {
			return new PullFailed("http", String.valueOf(status), "HTTP " + status + what);
		}

		static PullFailed of(FeedHttp.Failed e) {
			return new PullFailed(e.code, e.arg, e.getMessage());
		}
	}

	private MispFeedPull.Pulled pull(FeedSourceRepository.Source source) throws PullFailed {
		String urlError = checks.checkUrl(source.url());
		if (urlError != null) {
			throw new PullFailed("urlRefused", urlError, "the address is not acceptable: " + urlError);
		}
		return source.isMisp() ? misp.pull(source, authorization(source))
				: new MispFeedPull.Pulled(pullTaxii(source), false);
	}

	private List<ImportReport.Rejection> pullTaxii(FeedSourceRepository.Source source) throws PullFailed {
		String authorization = authorization(source);
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
			JsonNode envelope;
			String last;
			try (FeedHttp.Answer answer = get(url.toString(), TAXII, authorization)) {
				if (answer.status() != 200) {
					throw PullFailed.http(answer.status(), "");
				}
				envelope = json.readTree(answer.body());
				last = answer.header("X-TAXII-Date-Added-Last");
			}
			catch (tools.jackson.core.JacksonException e) {
				throw new PullFailed("unreadable", null, "unreadable answer: " + e.getOriginalMessage());
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

	/** The Authorization header for the source: Basic with its user name, else Bearer; none without credential. */
	private @Nullable String authorization(FeedSourceRepository.Source source) throws PullFailed {
		String secret;
		try {
			secret = checks.credential(source);
		}
		catch (IllegalStateException e) {
			throw new PullFailed("credential", null, "the stored credential cannot be decrypted (is the credential key file the one it was"
					+ " stored with?)");
		}
		if (secret == null) {
			return null;
		}
		return source.username() != null
				? "Basic " + Base64.getEncoder().encodeToString((source.username() + ":" + secret)
					.getBytes(StandardCharsets.UTF_8))
				: "Bearer " + secret;
	}

	FeedHttp.Answer get(String url, String accept, @Nullable String authorization) throws PullFailed {
		try {
			return http.get(url, accept, authorization);
		}
		catch (FeedHttp.Failed e) {
			throw PullFailed.of(e);
		}
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
}
