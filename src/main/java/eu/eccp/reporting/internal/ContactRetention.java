package eu.eccp.reporting.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.reporting.ReportId;
import eu.eccp.shared.ClusterLock;

/**
 * Data protection: reporter contact details are erased once a report has been closed for longer than
 * {@code eccp.reporting.contact-retention}; the anonymised report stays for statistics. Runs every {@code eccp.reporting.contact-retention-interval}, on one
 * node at a time when several share the database, and erases (and records) each report's contact once.
 */
@Component
class ContactRetention {

	private static final Logger log = LoggerFactory.getLogger(ContactRetention.class);

	private final ReportRepository reports;
	private final ReportingProperties properties;
	private final AuditTrail audit;
	private final Clock clock;
	private final ClusterLock cluster;

	ContactRetention(ReportRepository reports, ReportingProperties properties, AuditTrail audit, Clock clock,
			ClusterLock cluster) {
		this.reports = reports;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
		this.cluster = cluster;
	}

	/** First a minute after start (or after one interval, when shorter), so that frequent restarts still run it. */
	@Scheduled(fixedDelayString = "${eccp.reporting.contact-retention-interval:1h}",
			initialDelayString = "#{T(java.lang.Math).min(60000L, T(org.springframework.boot.convert.DurationStyle)"
					+ ".detectAndParse('${eccp.reporting.contact-retention-interval:1h}').toMillis())}")
	@Transactional
	public int eraseExpiredContacts() {
		if (!cluster.tryForTransaction("reporting.contact-retention")) {
			return 0;
		}
		Instant now = clock.instant();
		int erased = 0;
		for (ReportId id : reports.contactsDueForErasure(now.minus(properties.contactRetention()))) {
			if (reports.eraseContact(id, now)) {
				reports.addEvent(id, now, "CONTACT_ERASED", null, null, null, false);
				audit.record(AuditActor.SYSTEM, AuditEvent.of("report.contact-erased", "report", id).personal());
				erased++;
			}
		}
		if (erased > 0) {
			log.info("erased the contact details of {} closed reports", erased);
		}
		return erased;
	}
}
