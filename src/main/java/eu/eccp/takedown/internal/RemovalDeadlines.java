package eu.eccp.takedown.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import eu.eccp.contactpoints.BackupContacts;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.ClusterLock;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;

/**
 * An item not removed by its deadline (one hour from receipt for removal orders; per category for notices)
 * escalates once, as the 24/7 network escalates an unacknowledged request ({@link BackupContacts}): the host is
 * told urgently, addressed to the backup person its directory entry names; the hosting country's 24/7 point of
 * contact is told urgently too, addressed to its own backup person, with the host's name and the reference so it can
 * reach the host through its national channels; and so are the hosting country's hotline or national unit and the
 * coordinators; the sender is told plainly. The item's timeline names whom the escalation reached. One node at a time runs
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
	private final BackupContacts backups;
	private final ClusterLock lock;
	private final TransactionTemplate transactions;
	private final AuditTrail audit;
	private final Clock clock;

	RemovalDeadlines(NoticeRepository notices, ItemRepository items, HotlineRouting routing, Organisations organisations,
			TakedownNotices notifications, TakedownProperties properties, BackupContacts backups, ClusterLock lock,
			TransactionTemplate transactions, AuditTrail audit, Clock clock) {
		this.backups = backups;
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
			String link = "/takedown/items/" + notice.item();
			String title = "takedown.notice.escalatedTitle." + notice.kind();
			Set<OrganisationId> told = new LinkedHashSet<>();
			List<String> reached = new ArrayList<>();
			Optional<StoredItem> item = items.findForSystem(notice.item());
			if (notice.host() != null) {
				Optional<BackupContacts.Backup> backup = backups.backupOf(notice.host());
				notifications.sendTo(notice.host(), backup.map(BackupContacts.Backup::person).orElse(null),
						"takedown.notice.escalated", "/takedown/notices/" + notice.id(), true, title, notice.reference());
				told.add(notice.host());
				reached.add(name(notice.host()) + backup.map(BackupContacts.Backup::name).map(n -> " (" + n + ")").orElse(""));
			}
			Optional<CountryCode> country = item.flatMap(i -> Optional.ofNullable(i.hosting())).map(HostingLocation::country);
			country.flatMap(backups::twentyFourSevenPointOf)
				.filter(point -> !point.organisation().equals(notice.sender()) && told.add(point.organisation()))
				.ifPresent(point -> {
					notifications.sendTo(point.organisation(), point.person(), "takedown.notice.escalated",
							"/contact-points?country=" + country.get().value(), true,
							"takedown.notice.escalatedTitle247." + notice.kind(), notice.reference(), hostName(notice, item));
					reached.add(name(point.organisation()) + (point.name() == null ? "" : " (" + point.name() + ")"));
				});
			country.flatMap(this::hostingCountryBody).filter(org -> !org.id().equals(notice.sender()) && told.add(org.id()))
				.ifPresent(org -> {
					notifications.send(org.id(), "takedown.notice.escalated", link, true, title, notice.reference());
					reached.add(org.name());
				});
			for (OrganisationView coordinator : coordinators()) {
				if (!coordinator.id().equals(notice.sender()) && told.add(coordinator.id())) {
					notifications.send(coordinator.id(), "takedown.notice.escalated", "/takedown/notices/" + notice.id(), true,
							title, notice.reference());
					reached.add(coordinator.name());
				}
			}
			notifications.send(notice.sender(), "takedown.notice.escalated", link, false, title, notice.reference());
			items.addEvent(notice.item(), now, null, null, "ESCALATED", notice.reference() + " → " + String.join("; ", reached));
			audit.record(AuditActor.SYSTEM, AuditEvent.of("takedown.notice.escalated", "takedown-notice", notice.id())
				.withDetail("told=" + told.size()));
			log.info("notice {} escalated", notice.reference());
		}
		return due.size();
	}

	private Optional<OrganisationView> hostingCountryBody(CountryCode country) {
		return routing.hotlineOf(country)
			.or(() -> organisations.find(country, OrganisationType.NATIONAL_UNIT).stream().findFirst());
	}

	private String hostName(StoredNotice notice, Optional<StoredItem> item) {
		if (notice.host() != null) {
			return name(notice.host());
		}
		return item.map(StoredItem::hosting).map(HostingLocation::provider)
			.orElse(notice.hostEmail() == null ? "?" : notice.hostEmail());
	}

	private String name(OrganisationId id) {
		return organisations.find(id).map(OrganisationView::name).orElse("?");
	}

	List<OrganisationView> coordinators() {
		if (properties.coordinators().isEmpty()) {
			return organisations.findByType(OrganisationType.EU_BODY);
		}
		return properties.coordinators().stream().map(organisations::findByShortName).flatMap(Optional::stream).toList();
	}
}
