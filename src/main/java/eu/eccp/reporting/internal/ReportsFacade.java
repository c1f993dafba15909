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
	private final ReportIndicatorRepository indicators;
	private final ReportInbox inbox;

	ReportsFacade(ReportRepository reports, ReportIndicatorRepository indicators, ReportInbox inbox) {
		this.reports = reports;
		this.indicators = indicators;
		this.inbox = inbox;
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
}
