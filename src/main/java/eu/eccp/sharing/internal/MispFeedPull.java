package eu.eccp.sharing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.audit.AuditActor;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pulls a MISP feed (format "MISP": {@code manifest.json} listing the events with their timestamps, and one
 * {@code <event uuid>.json} per event): reads the manifest, fetches the events that are new or whose timestamp moved
 * since they were last imported (oldest first, at most {@code misp-events-per-run} per pull; the rest come with the
 * next, which is then due soon), and imports each through {@link MispImport}, the manifest's {@code tlp:*} tag standing in for an event without
 * one. Each event done is recorded with its timestamp at once, so a pull cut short resumes with the events left. Every
 * answer comes through {@link FeedHttp} (checked addresses only, bounded size); a manifest entry whose key is not a
 * UUID is ignored (it could not name a file safely).
 */
@Component
class MispFeedPull {

	private final FeedSourceRepository sources;
	private final FeedHttp http;
	private final MispImport misp;
	private final StixImport imports;
	private final FeedProperties properties;
	private final JsonMapper json;
	private final TransactionTemplate transactions;
	private final Clock clock;

	MispFeedPull(FeedSourceRepository sources, FeedHttp http, MispImport misp, StixImport imports,
			FeedProperties properties, JsonMapper json, TransactionTemplate transactions, Clock clock) {
		this.sources = sources;
		this.http = http;
		this.misp = misp;
		this.imports = imports;
		this.properties = properties;
		this.json = json;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** An event the manifest lists: its UUID, timestamp and marking tag. */
	record Listed(UUID uuid, long timestamp, @Nullable Tlp tlp) {
	}

	/** What a pull did: the rejections (at most 100 listed) and whether events were left for the next pull. */
	record Pulled(List<ImportReport.Rejection> rejections, boolean more) {
	}

	Pulled pull(FeedSourceRepository.Source source, @Nullable String authorization) throws FeedPuller.PullFailed {
		List<Listed> all = due(source, manifest(source, authorization));
		boolean more = all.size() > properties.mispEventsPerRun();
		List<Listed> due = more ? all.subList(0, properties.mispEventsPerRun()) : all;
		List<ImportReport.Rejection> rejections = new ArrayList<>();
		AuditActor actor = new AuditActor(null, "misp-feed:" + source.name(), new OrganisationId(source.organisation()));
		Tlp defaultMarking = Tlp.valueOf(source.tlp());
		for (Listed event : due) {
			StixImport.Batch batch = imports.open(source.organisation(), defaultMarking, "misp-feed");
			try (FeedHttp.Answer answer = get(source.url() + event.uuid() + ".json", authorization)) {
				if (answer.status() != 200) {
					throw FeedPuller.PullFailed.http(answer.status(), " for event " + event.uuid());
				}
				if (!misp.readInto(batch, answer.body(), defaultMarking, event.tlp())) {
					batch.reject(batch.nextIndex(), "misp-event--" + event.uuid(), "not-an-event");
				}
			}
			ImportReport report = imports.close(batch, actor, "misp-feed");
			for (ImportReport.Rejection r : report.rejected()) {
				if (rejections.size() < 100) {
					rejections.add(r);
				}
			}
			Instant now = clock.instant();
			transactions.executeWithoutResult(status -> sources.mispEventDone(source.id(), event.uuid(), event.timestamp(),
					report, now, now.plus(properties.lease())));
		}
		return new Pulled(rejections, more);
	}

	private JsonNode manifest(FeedSourceRepository.Source source, @Nullable String authorization)
			throws FeedPuller.PullFailed {
		try (FeedHttp.Answer answer = get(source.url() + "manifest.json", authorization)) {
			if (answer.status() != 200) {
				throw FeedPuller.PullFailed.http(answer.status(), " for manifest.json");
			}
			JsonNode manifest = json.readTree(answer.body());
			if (!manifest.isObject()) {
				throw new FeedPuller.PullFailed("manifest", null, "manifest.json is not a MISP manifest (an object of events)");
			}
			return manifest;
		}
		catch (tools.jackson.core.JacksonException e) {
			throw new FeedPuller.PullFailed("manifest", null, "unreadable manifest.json: " + e.getOriginalMessage());
		}
	}

	/** The events to fetch: new, or with a timestamp later than the one imported; oldest first, bounded. */
	private List<Listed> due(FeedSourceRepository.Source source, JsonNode manifest) {
		Map<UUID, Long> done = sources.mispEvents(source.id());
		List<Listed> due = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : manifest.properties()) {
			UUID uuid;
			try {
				uuid = UUID.fromString(entry.getKey());
			}
			catch (IllegalArgumentException notAUuid) {
				continue;
			}
			long timestamp;
			try {
				timestamp = Long.parseLong(entry.getValue().path("timestamp").asString("0").strip());
			}
			catch (NumberFormatException e) {
				timestamp = 0;
			}
			Long imported = done.get(uuid);
			if (imported == null || timestamp > imported) {
				due.add(new Listed(uuid, timestamp, MispImport.strictest(entry.getValue().path("Tag"))));
			}
		}
		due.sort(Comparator.comparingLong(Listed::timestamp).thenComparing(Listed::uuid));
		return due;
	}

	private FeedHttp.Answer get(String url, @Nullable String authorization) throws FeedPuller.PullFailed {
		try {
			return http.get(url, "application/json", authorization);
		}
		catch (FeedHttp.Failed e) {
			throw FeedPuller.PullFailed.of(e);
		}
	}
}
