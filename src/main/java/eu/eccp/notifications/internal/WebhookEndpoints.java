package eu.eccp.notifications.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
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

	private final WebhookRepository webhooks;
	private final AuditTrail audit;
	private final WebhookWorker worker;
	private final NotificationsProperties properties;
	private final Clock clock;

	WebhookEndpoints(WebhookRepository webhooks, AuditTrail audit, WebhookWorker worker, NotificationsProperties properties,
			Clock clock) {
		this.webhooks = webhooks;
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
		return webhooks.endpoints(caller.organisationId());
	}

	@Transactional(readOnly = true)
	public EndpointView find(CallerContext caller, UUID id) {
		return webhooks.endpoint(caller.organisationId(), id)
			.filter(e -> caller.has(Role.ADMIN))
			.orElseThrow(() -> new RecordNotFoundException("webhook"));
	}

	@Transactional
	public EndpointWithSecret create(CallerContext caller, EndpointForm form) {
		caller.requireAny(Role.ADMIN);
		String url = url(form.url());
		List<String> topics = Topics.parse(form.topics(), "topics");
		if (webhooks.countEndpoints(caller.organisationId()) >= MAX_ENDPOINTS) {
			throw new InvalidRequestException("url", "validation.webhookTooMany");
		}
		UUID id = UUID.randomUUID();
		String secret = WebhookSignature.newSecret();
		webhooks.insertEndpoint(id, caller.organisationId(), url, topics, form.active() == null || form.active(), secret,
				clock.instant(), caller.userId().value());
		audit.record(AuditEvent.of("webhook.created", "webhook_endpoint", id).withDetail("host=" + URI.create(url).getHost()));
		return new EndpointWithSecret(find(caller, id), secret);
	}

	@Transactional
	public EndpointView update(CallerContext caller, UUID id, EndpointForm form) {
		EndpointView current = find(caller, id);
		String url = form.url() == null ? current.url() : url(form.url());
		List<String> topics = form.topics() == null ? current.topics() : Topics.parse(form.topics(), "topics");
		boolean active = form.active() == null ? current.active() : form.active();
		webhooks.updateEndpoint(id, url, topics, active);
		audit.record(AuditEvent.of("webhook.changed", "webhook_endpoint", id)
			.withDetail("active=" + active + " host=" + URI.create(url).getHost()));
		return find(caller, id);
	}

	@Transactional
	public void delete(CallerContext caller, UUID id) {
		find(caller, id);
		webhooks.deleteEndpoint(id, clock.instant());
		audit.record(AuditEvent.of("webhook.deleted", "webhook_endpoint", id));
	}

	/** Replaces the secret; the old one stops signing at once. */
	@Transactional
	public EndpointWithSecret rotateSecret(CallerContext caller, UUID id) {
		find(caller, id);
		String secret = WebhookSignature.newSecret();
		webhooks.replaceSecret(id, secret, clock.instant());
		audit.record(AuditEvent.of("webhook.secret-rotated", "webhook_endpoint", id));
		return new EndpointWithSecret(find(caller, id), secret);
	}

	/** The endpoint's deliveries, newest first, each with every attempt. */
	@Transactional(readOnly = true)
	public Page<DeliveryView> deliveries(CallerContext caller, UUID endpointId, PageRequest page) {
		find(caller, endpointId);
		return webhooks.deliveries(endpointId, page);
	}

	/** Sends a delivery again ("send again"): due at once, with a fresh round of attempts. */
	@Transactional
	public DeliveryView retry(CallerContext caller, UUID deliveryId) {
		UUID endpoint = webhooks.endpointOfDelivery(caller.organisationId(), deliveryId)
			.filter(e -> caller.has(Role.ADMIN))
			.orElseThrow(() -> new RecordNotFoundException("webhook delivery"));
		webhooks.resetDelivery(deliveryId, clock.instant());
		audit.record(AuditEvent.of("webhook.delivery-retried", "webhook_delivery", deliveryId).withDetail("endpoint=" + endpoint));
		worker.attemptAfterCommit(List.of(deliveryId));
		return webhooks.delivery(deliveryId);
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
}
