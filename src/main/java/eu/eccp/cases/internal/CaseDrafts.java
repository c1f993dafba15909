package eu.eccp.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.correlation.HitSummary;
import eu.eccp.correlation.Hits;
import eu.eccp.correlation.SourceRef;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportSummary;
import eu.eccp.reporting.Reports;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Labels;

/**
 * A new case's form filled in from what the platform knows when it starts from a hit or a report: a title
 * in the reader's language naming the offence and what links the records, the offence, and the report's
 * marking. Only records the caller may see are read; the analyst changes anything before opening the case.
 */
@Component
public class CaseDrafts {

	private final Hits hits;
	private final Reports reports;
	private final Labels labels;

	CaseDrafts(Hits hits, Reports reports, Labels labels) {
		this.hits = hits;
		this.reports = reports;
		this.labels = labels;
	}

	@Transactional(readOnly = true)
	public OpenCase draft(CallerContext caller, @Nullable UUID hit, @Nullable UUID report, @Nullable Long cluster) {
		Optional<HitSummary> fromHit = hit == null ? Optional.empty() : hits.find(caller, hit);
		UUID reportId = report;
		if (reportId == null && fromHit.isPresent() && fromHit.get().record().kind().equals(SourceRef.REPORT)) {
			reportId = fromHit.get().record().id();
		}
		Optional<ReportSummary> fromReport = reportId == null ? Optional.empty()
				: reports.summaryFor(caller, new ReportId(reportId));
		String title = "";
		List<String> offences = new ArrayList<>();
		String tlp = "AMBER";
		if (fromReport.isPresent()) {
			ReportSummary r = fromReport.get();
			offences.add(r.offence().name());
			tlp = r.tlp().name();
			title = fromHit.map(h -> labels.message("cases.draft.fromHit", labels.of(r.offence()),
					labels.of("indicatortype", h.indicatorType()), labels.countries(h.countries())))
				.orElseGet(() -> labels.message("cases.draft.fromReport", labels.of(r.offence()), r.reference()));
		}
		else if (fromHit.isPresent()) {
			HitSummary h = fromHit.get();
			title = labels.message("cases.draft.fromHitOnly", labels.of("indicatortype", h.indicatorType()),
					labels.countries(h.countries()));
		}
		if (title.length() > 200) {
			title = title.substring(0, 200);
		}
		return new OpenCase(title, "", offences, tlp, report == null ? List.of() : List.of(report),
				hit == null ? List.of() : List.of(hit), cluster);
	}
}
