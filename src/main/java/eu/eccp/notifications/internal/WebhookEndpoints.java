package eu.eccp.notifications.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import eu.eccp.shared.SqlTimes;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * An organisation's webhook endpoints, managed by its own admins only (anyone else does not find them):
 * HTTPS URL without credentials, topics (none: all), active flag, and a secret the platform generates and
 * shows once, on creation and on rotation. The secret is stored as issued, because every delivery is
 * signed with it (a hash could not sign); it never leaves the platform again. Deleting an endpoint keeps
 * its delivery log.
 */
@Service
public class WebhookEndpoints {

	private static final int MAX_ENDPOINTS = 20;

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final WebhookWorker worker;
	private final NotificationsProperties properties;
	private final Clock clock;

	WebhookEndpoints(JdbcClient jdbc, AuditTrail audit, WebhookWorker worker, NotificationsProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.worker = worker;
		this.properties = properties;
		this.clock = clock;
	}

	/** What an admin sends to register or change an endpoint; {@code topics} empty: every topic. */
	public record EndpointForm(@Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", example = "https://soc.example/eccp")
			@Nullable String url, @Nullable List<String> topics, @Nullable Boolean active) {
	}

	public record EndpointView(UUID id, String url, List<String> topics, boolean active, Instant createdAt,
			@Nullable Instant secretRotatedAt, long pendingDeliveries, long failedDeliveries) {
	}

	/** An endpoint with its secret: returned once, when it is created or its secret rotated. */
	public record EndpointWithSecret(EndpointView endpoint, String secret) {
	}

	public record DeliveryView(UUID id, UUID endpointId, UUID noticeId, String topic, String status, int attemptCount,
			@Nullable Instant nextAttemptAt, Instant createdAt, @Nullable Instant completedAt, List<AttemptView> attempts) {
	}

	public record AttemptView(Instant attemptedAt, @Nullable Integer statusCode, @Nullable String error, long durationMs,
			boolean succeeded, @Nullable Instant nextAttemptAt) {
	}

	@Transactional(readOnly = true)
	public List<EndpointView> list(CallerContext caller) {
		caller.requireAny(Role.ADMIN);
		return jdbc.sql(select() + " WHERE e.organisation_id = :org AND e.deleted_at IS NULL ORDER BY e.created_at")
			.param("org", caller.organisationId().value())
			.query((rs, n) -> view(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public EndpointView find(CallerContext caller, UUID id) {
		return jdbc.sql(select() + " WHERE e.id = :id AND e.organisation_id = :org AND e.deleted_at IS NULL")
			.param("id", id)
			.param("org", caller.organisationId().value())
			.query((rs, n) -> view(rs))
			.optional()
			.filter(e -> caller.has(Role.ADMIN))
			.orElseThrow(() -> new RecordNotFoundException("webhook"));
	}

	@Transactional
	public EndpointWithSecret create(CallerContext caller, EndpointForm form) {
		caller.requireAny(Role.ADMIN);
		String url = url(form.url());
		List<String> topics = Topics.parse(form.topics(), "topics");
		long existing = jdbc.sql("SELECT count(*) FROM webhook_endpoint WHERE organisation_id = :org AND deleted_at IS NULL")
			.param("org", caller.organisationId().value()).query(Long.class).single();
		if (existing >= MAX_ENDPOINTS) {
			throw new InvalidRequestException("url", "validation.webhookTooMany");
		}
		UUID id = UUID.randomUUID();
		String secret = WebhookSignature.newSecret();
		jdbc.sql("""
				INSERT INTO webhook_endpoint (id, organisation_id, url, topics, active, secret, created_at, created_by)
				VALUES (:id, :org, :url, CAST(:topics AS text[]), :active, :secret, :now, :user)""")
			.param("id", id)
			.param("org", caller.organisationId().value())
			.param("url", url)
			.param("topics", topics.toArray(String[]::new))
			.param("active", form.active() == null || form.active())
			.param("secret", secret)
			.param("now", Timestamp.from(clock.instant()))
			.param("user", caller.userId().value())
			.update();
		audit.record(AuditEvent.of("webhook.created", "webhook_endpoint", id).withDetail("host=" + URI.create(url).getHost()));
		return new EndpointWithSecret(find(caller, id), secret);
	}

	@Transactional
	public EndpointView update(CallerContext caller, UUID id, EndpointForm form) {
		EndpointView current = find(caller, id);
		String url = form.url() == null ? current.url() : url(form.url());
		List<String> topics = form.topics() == null ? current.topics() : Topics.parse(form.topics(), "topics");
		boolean active = form.active() == null ? current.active() : form.active();
		jdbc.sql("UPDATE webhook_endpoint SET url = :url, topics = CAST(:topics AS text[]), active = :active WHERE id = :id")
			.param("url", url).param("topics", topics.toArray(String[]::new)).param("active", active).param("id", id).update();
		audit.record(AuditEvent.of("webhook.changed", "webhook_endpoint", id)
			.withDetail("active=" + active + " host=" + URI.create(url).getHost()));
		return find(caller, id);
	}

	@Transactional
	public void delete(CallerContext caller, UUID id) {
		find(caller, id);
		jdbc.sql("UPDATE webhook_endpoint SET deleted_at = :now, active = FALSE WHERE id = :id")
			.param("now", Timestamp.from(clock.instant())).param("id", id).update();
		jdbc.sql("""
				UPDATE webhook_delivery SET status = 'FAILED', next_attempt_at = NULL, completed_at = :now
				WHERE endpoint_id = :id AND status = 'PENDING'""")
			.param("now", Timestamp.from(clock.instant())).param("id", id).update();
		audit.record(AuditEvent.of("webhook.deleted", "webhook_endpoint", id));
	}

	/** Replaces the secret; the old one stops signing at once. */
	@Transactional
	public EndpointWithSecret rotateSecret(CallerContext caller, UUID id) {
		find(caller, id);
		String secret = WebhookSignature.newSecret();
		jdbc.sql("UPDATE webhook_endpoint SET secret = :secret, secret_rotated_at = :now WHERE id = :id")
			.param("secret", secret).param("now", Timestamp.from(clock.instant())).param("id", id).update();
		audit.record(AuditEvent.of("webhook.secret-rotated", "webhook_endpoint", id));
		return new EndpointWithSecret(find(caller, id), secret);
	}

	/** The endpoint's deliveries, newest first, each with every attempt. */
	@Transactional(readOnly = true)
	public Page<DeliveryView> deliveries(CallerContext caller, UUID endpointId, PageRequest page) {
		find(caller, endpointId);
		Page<DeliveryView> deliveries = PagedQuery.page(jdbc, "d.*", "webhook_delivery d", "d.endpoint_id = :endpoint",
				Map.of("endpoint", endpointId), "d.created_at DESC, d.id", page, (rs, n) -> delivery(rs, List.of()));
		Map<UUID, List<AttemptView>> attempts = attempts(deliveries.items().stream().map(DeliveryView::id).toList());
		return deliveries.map(d -> new DeliveryView(d.id(), d.endpointId(), d.noticeId(), d.topic(), d.status(),
				d.attemptCount(), d.nextAttemptAt(), d.createdAt(), d.completedAt(), attempts.getOrDefault(d.id(), List.of())));
	}

	/** Sends a delivery again ("send again"): due at once, with a fresh round of attempts. */
	@Transactional
	public DeliveryView retry(CallerContext caller, UUID deliveryId) {
		UUID endpoint = jdbc.sql("""
				SELECT d.endpoint_id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
				WHERE d.id = :id AND e.organisation_id = :org AND e.deleted_at IS NULL""")
			.param("id", deliveryId)
			.param("org", caller.organisationId().value())
			.query(UUID.class)
			.optional()
			.filter(e -> caller.has(Role.ADMIN))
			.orElseThrow(() -> new RecordNotFoundException("webhook delivery"));
		jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now, completed_at = NULL
				WHERE id = :id""")
			.param("now", Timestamp.from(clock.instant())).param("id", deliveryId).update();
		audit.record(AuditEvent.of("webhook.delivery-retried", "webhook_delivery", deliveryId).withDetail("endpoint=" + endpoint));
		worker.attemptAfterCommit(List.of(deliveryId));
		return jdbc.sql("SELECT d.* FROM webhook_delivery d WHERE d.id = :id").param("id", deliveryId)
			.query((rs, n) -> delivery(rs, attempts(List.of(deliveryId)).getOrDefault(deliveryId, List.of()))).single();
	}

	/** Refuses what is not an absolute HTTPS URL (HTTP only when allowed), or carries credentials. */
	String url(@Nullable String value) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty() || text.length() > 2_000) {
			throw new InvalidRequestException("url", "validation.webhookUrl");
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException e) {
			throw new InvalidRequestException("url", "validation.webhookUrl");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isBlank()) {
			throw new InvalidRequestException("url", "validation.webhookUrl");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidRequestException("url", "validation.webhookUrlCredentials");
		}
		if (!(scheme.equals("https") || (scheme.equals("http") && properties.webhooks().allowHttp()))) {
			throw new InvalidRequestException("url", "validation.webhookUrlHttps");
		}
		if (uri.getRawFragment() != null) {
			throw new InvalidRequestException("url", "validation.webhookUrl");
		}
		if (!properties.webhooks().allowPrivateAddresses() && privateHost(uri.getHost())) {
			throw new InvalidRequestException("url", "validation.webhookUrlPrivate");
		}
		return uri.toString();
	}

	/** A host that is {@code localhost} or a literal private address (names are checked again when sending). */
	private static boolean privateHost(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		boolean literal = name.startsWith("[") || name.matches("[0-9.]+");
		if (!literal) {
			return false;
		}
		try {
			return NotificationsProperties.Webhooks.isPrivate(InetAddress.getByName(name.replace("[", "").replace("]", "")));
		}
		catch (UnknownHostException e) {
			return true;
		}
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

	private static String select() {
		return """
				SELECT e.*,
				  (SELECT count(*) FROM webhook_delivery d WHERE d.endpoint_id = e.id AND d.status = 'PENDING') AS pending,
				  (SELECT count(*) FROM webhook_delivery d WHERE d.endpoint_id = e.id AND d.status = 'FAILED') AS failed
				FROM webhook_endpoint e""";
	}

	private static EndpointView view(ResultSet rs) throws SQLException {
		return new EndpointView(rs.getObject("id", UUID.class), rs.getString("url"),
				NotificationSettings.strings(rs.getArray("topics")), rs.getBoolean("active"), SqlTimes.instant(rs, "created_at"),
				SqlTimes.instant(rs, "secret_rotated_at"), rs.getLong("pending"), rs.getLong("failed"));
	}
}
