package eu.eccp.takedown.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.ClusterLock;
import eu.eccp.shared.OrganisationId;

/**
 * An item not removed by its deadline (one hour from receipt for removal orders; per category for notices)
 * escalates once: the host is told urgently (its backup desk reads urgent notices first), and so are the hosting
 * country's hotline or national unit and the coordinators; the sender is told plainly. One node at a time runs
 * it ({@link ClusterLock}); each notice is locked and escalated with a conditional update, so even two runs at
 * once escalate a notice once. Runs every {@code deadline-check-interval} on the scheduler thread, in batches.
 */
@Component
class RemovalDeadlines {

	private static final Logger log = LoggerFactory.getLogger(RemovalDeadlines.class);

	static final int BATCH = 100;

	private final NoticeRepository notices;
	private final ItemRepository items;
	private final HotlineRouting routing;
	private final Organisations organisations;
	private final TakedownNotices notifications;
	private final TakedownProperties properties;
	private final ClusterLock lock;
	private final TransactionTemplate transactions;
	private final AuditTrail audit;
	private final Clock clock;

	RemovalDeadlines(NoticeRepository notices, ItemRepository items, HotlineRouting routing, Organisations organisations,
			TakedownNotices notifications, TakedownProperties properties, ClusterLock lock, TransactionTemplate transactions,
			AuditTrail audit, Clock clock) {
		this.notices = notices;
		this.items = items;
		this.routing = routing;
		this.organisations = organisations;
		this.notifications = notifications;
		this.properties = properties;
		this.lock = lock;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${eccp.takedown.deadline-check-interval:1m}",
			initialDelayString = "${eccp.takedown.deadline-check-interval:1m}")
	void check() {
		int escalated;
		do {
			escalated = transactions.execute(status -> lock.tryForTransaction("takedown-deadlines") ? escalateDue() : 0);
		}
		while (escalated == BATCH);
	}

	/** Escalates a batch of overdue notices (in the caller's transaction); returns how many. */
	int escalateDue() {
		Instant now = clock.instant();
		List<StoredNotice> due = notices.overdue(now, BATCH);
		for (StoredNotice notice : due) {
			notices.escalated(notice.id(), now);
			items.addEvent(notice.item(), now, null, null, "ESCALATED", notice.reference());
			String link = "/takedown/items/" + notice.item();
			String title = "takedown.notice.escalatedTitle." + notice.kind();
			Set<OrganisationId> told = new LinkedHashSet<>();
			if (notice.host() != null) {
				notifications.send(notice.host(), "takedown.notice.escalated", "/takedown/notices/" + notice.id(), true, title,
						notice.reference());
				told.add(notice.host());
			}
			hostingCountryBody(notice).filter(org -> !org.id().equals(notice.sender()) && told.add(org.id()))
				.ifPresent(org -> notifications.send(org.id(), "takedown.notice.escalated", link, true, title,
						notice.reference()));
			for (OrganisationView coordinator : coordinators()) {
				if (!coordinator.id().equals(notice.sender()) && told.add(coordinator.id())) {
					notifications.send(coordinator.id(), "takedown.notice.escalated", "/takedown/notices/" + notice.id(), true,
							title, notice.reference());
				}
			}
			notifications.send(notice.sender(), "takedown.notice.escalated", link, false, title, notice.reference());
			audit.record(AuditActor.SYSTEM, AuditEvent.of("takedown.notice.escalated", "takedown-notice", notice.id())
				.withDetail("told=" + told.size()));
			log.info("notice {} escalated", notice.reference());
		}
		return due.size();
	}

	private Optional<OrganisationView> hostingCountryBody(StoredNotice notice) {
		return items.findForSystem(notice.item())
			.flatMap(item -> Optional.ofNullable(item.hosting()).map(HostingLocation::country))
			.flatMap(country -> routing.hotlineOf(country)
				.or(() -> organisations.find(country, OrganisationType.NATIONAL_UNIT).stream().findFirst()));
	}

	List<OrganisationView> coordinators() {
		if (properties.coordinators().isEmpty()) {
			return organisations.findByType(OrganisationType.EU_BODY);
		}
		return properties.coordinators().stream().map(organisations::findByShortName).flatMap(Optional::stream).toList();
	}
}
