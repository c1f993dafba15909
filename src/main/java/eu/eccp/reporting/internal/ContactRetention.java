package eu.eccp.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.reporting.ReportId;

/**
 * Data protection: reporter contact details are erased once a report has been closed for longer than
 * {@code eccp.reporting.contact-retention}; the anonymised report stays for statistics. Runs hourly.
 */
@Component
class ContactRetention {

	private static final Logger log = LoggerFactory.getLogger(ContactRetention.class);

	private final ReportRepository reports;
	private final ReportingProperties properties;
	private final AuditTrail audit;
	private final Clock clock;

	ContactRetention(ReportRepository reports, ReportingProperties properties, AuditTrail audit, Clock clock) {
		this.reports = reports;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	@Transactional
	public int eraseExpiredContacts() {
		Instant now = clock.instant();
		List<ReportId> due = reports.contactsDueForErasure(now.minus(properties.contactRetention()));
		for (ReportId id : due) {
			reports.eraseContact(id, now);
			reports.addEvent(id, now, "CONTACT_ERASED", null, null, null, false);
			audit.record(AuditActor.SYSTEM, AuditEvent.of("report.contact-erased", "report", id).personal());
		}
		if (!due.isEmpty()) {
			log.info("erased the contact details of {} closed reports", due.size());
		}
		return due.size();
	}
}
