package eu.eccp.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.notifications.internal.WebhookEndpoints.AttemptView;
import eu.eccp.notifications.internal.WebhookEndpoints.DeliveryView;
import eu.eccp.notifications.internal.WebhookEndpoints.EndpointView;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.SqlTimes;

/**
 * Webhook endpoints, their deliveries and every attempt. What an organisation's admins read is always limited to
 * the organisation's own endpoints (the {@code org} parameter of each such query); the dispatcher and the worker
 * read across organisations, as the platform's own delivery machinery.
 */
@Repository
class WebhookRepository {

	/** An endpoint as the dispatcher matches it against a notice's topic. */
	record ActiveEndpoint(UUID id, List<String> topics) {
	}

	/** A delivery claimed by the worker, with what it needs to send it. */
	record Claimed(UUID id, UUID endpointId, String url, String secret, String topic, String payload, int attempts) {
	}

	/** The outcome of one attempt, and the delivery's state after it. */
	record Attempt(UUID delivery, Instant at, @Nullable Integer statusCode, @Nullable String error, long durationMs,
			boolean succeeded, int attempts, String status, @Nullable Instant nextAttemptAt) {
	}

	private static final String ENDPOINT = """
			SELECT e.*,
			  (SELECT count(*) FROM webhook_delivery d WHERE d.endpoint_id = e.id AND d.status = 'PENDING') AS pending,
			  (SELECT count(*) FROM webhook_delivery d WHERE d.endpoint_id = e.id AND d.status = 'FAILED') AS failed
			FROM webhook_endpoint e""";

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<EndpointView> endpoints(OrganisationId org) {
		return jdbc.sql(ENDPOINT + " WHERE e.organisation_id = :org AND e.deleted_at IS NULL ORDER BY e.created_at")
			.param("org", org.value()).query((rs, n) -> endpoint(rs)).list();
	}

	Optional<EndpointView> endpoint(OrganisationId org, UUID id) {
		return jdbc.sql(ENDPOINT + " WHERE e.id = :id AND e.organisation_id = :org AND e.deleted_at IS NULL")
			.param("id", id).param("org", org.value()).query((rs, n) -> endpoint(rs)).optional();
	}

	long countEndpoints(OrganisationId org) {
		return jdbc.sql("SELECT count(*) FROM webhook_endpoint WHERE organisation_id = :org AND deleted_at IS NULL")
			.param("org", org.value()).query(Long.class).single();
	}

	void insertEndpoint(UUID id, OrganisationId org, String url, List<String> topics, boolean active, String secret,
			Instant now, UUID createdBy) {
		jdbc.sql("""
				INSERT INTO webhook_endpoint (id, organisation_id, url, topics, active, secret, created_at, created_by)
				VALUES (:id, :org, :url, CAST(:topics AS text[]), :active, :secret, :now, :user)""")
			.param("id", id)
			.param("org", org.value())
			.param("url", url)
			.param("topics", topics.toArray(String[]::new))
			.param("active", active)
			.param("secret", secret)
			.param("now", Timestamp.from(now))
			.param("user", createdBy)
			.update();
	}

	void updateEndpoint(UUID id, String url, List<String> topics, boolean active) {
		jdbc.sql("UPDATE webhook_endpoint SET url = :url, topics = CAST(:topics AS text[]), active = :active WHERE id = :id")
			.param("url", url).param("topics", topics.toArray(String[]::new)).param("active", active).param("id", id).update();
	}

	/** Deletes an endpoint (its delivery log stays) and gives up its pending deliveries. */
	void deleteEndpoint(UUID id, Instant now) {
		jdbc.sql("UPDATE webhook_endpoint SET deleted_at = :now, active = FALSE WHERE id = :id")
			.param("now", Timestamp.from(now)).param("id", id).update();
		jdbc.sql("""
				UPDATE webhook_delivery SET status = 'FAILED', next_attempt_at = NULL, completed_at = :now
				WHERE endpoint_id = :id AND status = 'PENDING'""")
			.param("now", Timestamp.from(now)).param("id", id).update();
	}

	void replaceSecret(UUID id, String secret, Instant now) {
		jdbc.sql("UPDATE webhook_endpoint SET secret = :secret, secret_rotated_at = :now WHERE id = :id")
			.param("secret", secret).param("now", Timestamp.from(now)).param("id", id).update();
	}

	/** The endpoint's deliveries, newest first, each with every attempt. */
	Page<DeliveryView> deliveries(UUID endpoint, PageRequest page) {
		Page<DeliveryView> deliveries = PagedQuery.page(jdbc, "d.*", "webhook_delivery d", "d.endpoint_id = :endpoint",
				Map.of("endpoint", endpoint), "d.created_at DESC, d.id", page, (rs, n) -> delivery(rs, List.of()));
		Map<UUID, List<AttemptView>> attempts = attempts(deliveries.items().stream().map(DeliveryView::id).toList());
		return deliveries.map(d -> new DeliveryView(d.id(), d.endpointId(), d.noticeId(), d.topic(), d.status(),
				d.attemptCount(), d.nextAttemptAt(), d.createdAt(), d.completedAt(), attempts.getOrDefault(d.id(), List.of())));
	}

	/** The endpoint of one of the organisation's deliveries (none when it is another's, or its endpoint deleted). */
	Optional<UUID> endpointOfDelivery(OrganisationId org, UUID delivery) {
		return jdbc.sql("""
				SELECT d.endpoint_id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
				WHERE d.id = :id AND e.organisation_id = :org AND e.deleted_at IS NULL""")
			.param("id", delivery).param("org", org.value()).query(UUID.class).optional();
	}

	/** Makes a delivery due at once, with a fresh round of attempts. */
	void resetDelivery(UUID delivery, Instant now) {
		jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now, completed_at = NULL
				WHERE id = :id""")
			.param("now", Timestamp.from(now)).param("id", delivery).update();
	}

	DeliveryView delivery(UUID delivery) {
		List<AttemptView> attempts = attempts(List.of(delivery)).getOrDefault(delivery, List.of());
		return jdbc.sql("SELECT d.* FROM webhook_delivery d WHERE d.id = :id").param("id", delivery)
			.query((rs, n) -> delivery(rs, attempts)).single();
	}

	/** The active endpoints of an organisation, for the dispatcher. */
	List<ActiveEndpoint> activeEndpoints(OrganisationId org) {
		return jdbc.sql("SELECT id, topics FROM webhook_endpoint WHERE organisation_id = :org AND active AND deleted_at IS NULL")
			.param("org", org.value())
			.query((rs, n) -> new ActiveEndpoint(rs.getObject("id", UUID.class), MailSettingsRepository.strings(rs.getArray("topics"))))
			.list();
	}

	/** Queues a notice for an endpoint; false when it was queued for it already. */
	boolean queueDelivery(UUID id, UUID endpoint, UUID notice, String topic, String payload, Instant now) {
		return jdbc.sql("""
				INSERT INTO webhook_delivery (id, endpoint_id, notice_id, topic, payload, status, attempts, next_attempt_at, created_at)
				VALUES (:id, :endpoint, :notice, :topic, :payload, 'PENDING', 0, :now, :now)
				ON CONFLICT (endpoint_id, notice_id) DO NOTHING""")
			.param("id", id)
			.param("endpoint", endpoint)
			.param("notice", notice)
			.param("topic", topic)
			.param("payload", payload)
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	/**
	 * Claims up to {@code limit} due deliveries (all due ones, or only those in {@code only}) for the worker,
	 * skipping those another worker holds, and leases them until {@code lease}.
	 */
	List<Claimed> claimDue(@Nullable List<UUID> only, Instant now, int limit, Instant lease) {
		List<Claimed> claimed = jdbc.sql("""
				SELECT d.id, d.endpoint_id, d.topic, d.payload, d.attempts, e.url, e.secret
				FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
				WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND e.active AND e.deleted_at IS NULL"""
				+ (only == null ? "" : " AND d.id = ANY (CAST(:ids AS uuid[]))") + """

				ORDER BY d.next_attempt_at LIMIT :limit
				FOR UPDATE OF d SKIP LOCKED""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.params(only == null ? Map.of() : Map.of("ids", only.toArray(UUID[]::new)))
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
					rs.getString("url"), rs.getString("secret"), rs.getString("topic"), rs.getString("payload"),
					rs.getInt("attempts")))
			.list();
		if (!claimed.isEmpty()) {
			jdbc.sql("UPDATE webhook_delivery SET next_attempt_at = :lease WHERE id = ANY (CAST(:ids AS uuid[]))")
				.param("lease", Timestamp.from(lease))
				.param("ids", claimed.stream().map(Claimed::id).toArray(UUID[]::new))
				.update();
		}
		return claimed;
	}

	/** Records an attempt and the delivery's state after it. */
	void recordAttempt(Attempt attempt) {
		Timestamp next = attempt.nextAttemptAt() == null ? null : Timestamp.from(attempt.nextAttemptAt());
		jdbc.sql("""
				UPDATE webhook_delivery SET status = :status, attempts = :attempts, next_attempt_at = :next,
				  completed_at = :completed WHERE id = :id""")
			.param("status", attempt.status())
			.param("attempts", attempt.attempts())
			.param("next", next)
			.param("completed", next == null ? Timestamp.from(attempt.at()) : null)
			.param("id", attempt.delivery())
			.update();
		jdbc.sql("""
				INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms, succeeded, next_attempt_at)
				VALUES (:delivery, :at, :code, :error, :ms, :ok, :next)""")
			.param("delivery", attempt.delivery())
			.param("at", Timestamp.from(attempt.at()))
			.param("code", attempt.statusCode())
			.param("error", attempt.error())
			.param("ms", attempt.durationMs())
			.param("ok", attempt.succeeded())
			.param("next", next)
			.update();
	}

	private Map<UUID, List<AttemptView>> attempts(List<UUID> deliveries) {
		Map<UUID, List<AttemptView>> attempts = new HashMap<>();
		if (deliveries.isEmpty()) {
			return attempts;
		}
		jdbc.sql("SELECT * FROM webhook_attempt WHERE delivery_id = ANY (CAST(:ids AS uuid[])) ORDER BY id")
			.param("ids", deliveries.toArray(UUID[]::new))
			.query((rs, n) -> attempts.computeIfAbsent(rs.getObject("delivery_id", UUID.class), k -> new ArrayList<>())
				.add(new AttemptView(SqlTimes.instant(rs, "attempted_at"), rs.getObject("status_code", Integer.class),
						rs.getString("error"), rs.getLong("duration_ms"), rs.getBoolean("succeeded"),
						SqlTimes.instant(rs, "next_attempt_at"))))
			.list();
		return attempts;
	}

	private static DeliveryView delivery(ResultSet rs, List<AttemptView> attempts) throws SQLException {
		return new DeliveryView(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
				rs.getObject("notice_id", UUID.class), rs.getString("topic"), rs.getString("status"), rs.getInt("attempts"),
				SqlTimes.instant(rs, "next_attempt_at"), SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "completed_at"),
				attempts);
	}

	private static EndpointView endpoint(ResultSet rs) throws SQLException {
		return new EndpointView(rs.getObject("id", UUID.class), rs.getString("url"),
				MailSettingsRepository.strings(rs.getArray("topics")), rs.getBoolean("active"), SqlTimes.instant(rs, "created_at"),
				SqlTimes.instant(rs, "secret_rotated_at"), rs.getLong("pending"), rs.getLong("failed"));
	}
}
