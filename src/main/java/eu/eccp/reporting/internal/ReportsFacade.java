package eu.eccp.reporting.internal;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportSummary;
import eu.eccp.reporting.Reports;
import eu.eccp.shared.CallerContext;

@Service
class ReportsFacade implements Reports {

	private final ReportRepository reports;
	private final ReportInbox inbox;
	private final ReportProcessingQueue queue;
	private final ReportProcessingProperties processing;

	ReportsFacade(ReportRepository reports, ReportInbox inbox, ReportProcessingQueue queue,
			ReportProcessingProperties processing) {
		this.reports = reports;
		this.inbox = inbox;
		this.queue = queue;
		this.processing = processing;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ReportSummary> summaryFor(CallerContext caller, ReportId id) {
		return inbox.visibleTo(caller, id)
			.map(r -> new ReportSummary(r.id(), r.reference(), r.offence(), r.status(), r.owner(), r.tlp(), r.submittedAt()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ReportSummary> summaryFor(CallerContext caller, String reference) {
		return reports.findByReference(reference.strip().toUpperCase(java.util.Locale.ROOT))
			.flatMap(r -> summaryFor(caller, r.id()));
	}

	@Override
	@Transactional(readOnly = true)
	public eu.eccp.reporting.ReportProcessingBacklog processingBacklog() {
		ReportProcessingQueue.Backlog backlog = queue.backlog(processing.failingAfter());
		return new eu.eccp.reporting.ReportProcessingBacklog(backlog.waiting(), backlog.failing(), backlog.oldest());
	}
}
