package eu.eccp.contactpoints.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.contactpoints.RequestId;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.ClusterLock;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/**
 * Watches the deadlines of the network: an acknowledgement not given in time escalates to the recipient's
 * backup contact and to the coordinators (once per request), and a preservation about to lapse reminds
 * both parties (once per expiry date). Runs every {@code eccp.contactpoints.check-interval}, on one node at a
 * time when several share the database; tests call {@link #check(Instant)} with the moment they want. Each
 * escalation and reminder locks its request and checks again under the lock that it is still due, so even
 * two checks at once (two nodes, or a node and a test) escalate a request once and remind of an expiry once.
 */
@Component
public class DeadlineWatch {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

	private final RequestRepository requests;
	private final ContactPointDirectory directory;
	private final Organisations organisations;
	private final RequestNotices notices;
	private final AuditTrail audit;
	private final ContactPointsProperties properties;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final ClusterLock cluster;

	DeadlineWatch(RequestRepository requests, ContactPointDirectory directory, Organisations organisations,
			RequestNotices notices, AuditTrail audit, ContactPointsProperties properties, TransactionTemplate transactions,
			Clock clock, ClusterLock cluster) {
		this.requests = requests;
		this.directory = directory;
		this.organisations = organisations;
		this.notices = notices;
		this.audit = audit;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
		this.cluster = cluster;
	}

	/** What one check did. */
	public record Outcome(int escalated, int reminded) {
	}

	@Scheduled(fixedDelayString = "${eccp.contactpoints.check-interval:1m}", initialDelayString = "${eccp.contactpoints.check-interval:1m}")
	void scheduled() {
		cluster.runExclusively("contactpoints.deadline-watch", () -> check(clock.instant()));
	}

	/** Escalates what is overdue and reminds of what lapses soon, as of {@code now}; each request in its own transaction. */
	public Outcome check(Instant at) {
		Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		int escalated = 0;
		for (RequestId id : transactions.execute(status -> requests.overdueAcknowledgements(now))) {
			if (Boolean.TRUE.equals(transactions.execute(status -> escalate(id, now)))) {
				escalated++;
			}
		}
		int reminded = 0;
		for (RequestId id : transactions.execute(status -> requests.lapsingPreservations(now, properties.reminderBefore()))) {
			if (Boolean.TRUE.equals(transactions.execute(status -> remind(id, now)))) {
				reminded++;
			}
		}
		if (escalated + reminded > 0) {
			log.info("deadline check: {} requests escalated, {} preservation reminders", escalated, reminded);
		}
		return new Outcome(escalated, reminded);
	}

	private boolean escalate(RequestId id, Instant now) {
		Optional<UrgentRequest> found = requests.lockForChange(id);
		if (found.isEmpty()) {
			return false;
		}
		UrgentRequest request = found.get();
		ContactPointView.Backup backup = directory.backupOf(request.recipient())
			.orElse(new ContactPointView.Backup(null, null, null, null));
		List<OrganisationView> coordinators = coordinators();
		List<String> told = new ArrayList<>();
		told.add("backup contact" + (backup.name() == null ? " of " + name(request.recipient()) : " " + backup.name()));
		coordinators.forEach(c -> told.add(c.name()));
		if (!request.escalate(now, String.join("; ", told))) {
			return false;
		}
		requests.update(request);
		audit.record(AuditEvent.of("request.escalated", "urgent_request", request.id())
			.withDetail("coordinators=" + coordinators.stream().map(c -> c.id().toString()).toList()));
		notices.escalated(request, name(request.requester()),
				backup.userId() == null ? null : new UserId(backup.userId()),
				coordinators.stream().map(OrganisationView::id).toList());
		log.warn("urgent request {} not acknowledged in time: escalated", request.id());
		return true;
	}

	private boolean remind(RequestId id, Instant now) {
		Optional<UrgentRequest> found = requests.lockForChange(id);
		if (found.isEmpty() || !found.get().needsExpiryReminder(now, properties.reminderBefore())) {
			return false;
		}
		UrgentRequest request = found.get();
		request.remindedOfExpiry();
		requests.update(request);
		audit.record(AuditEvent.of("request.preservation_reminded", "urgent_request", request.id())
			.withDetail("until=" + request.preservedUntil()));
		notices.preservationExpiring(request);
		return true;
	}

	/** The configured coordinators, or every EU body. */
	List<OrganisationView> coordinators() {
		if (properties.coordinators().isEmpty()) {
			return organisations.findByType(OrganisationType.EU_BODY);
		}
		return properties.coordinators().stream().map(organisations::findByShortName).flatMap(Optional::stream).toList();
	}

	private String name(OrganisationId id) {
		return organisations.find(id).map(OrganisationView::name).orElse("?");
	}
}
