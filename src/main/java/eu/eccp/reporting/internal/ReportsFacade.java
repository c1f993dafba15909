package eu.eccp.reporting.internal;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.reporting.ReportContent;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.Reports;

@Service
class ReportsFacade implements Reports {

	private final ReportRepository reports;

	ReportsFacade(ReportRepository reports) {
		this.reports = reports;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ReportContent> contentForProcessing(ReportId id) {
		return reports.findById(id)
			.map(r -> new ReportContent(r.id(), r.owner(), r.offence(), r.victimCountries(), r.description(), r.details(),
					r.tlp()));
	}
}
