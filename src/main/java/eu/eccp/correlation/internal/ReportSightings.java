package eu.eccp.correlation.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.eccp.correlation.IngestResult;
import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.reporting.ReportContent;
import eu.eccp.reporting.ReportIndicator;
import eu.eccp.reporting.ReportIndicatorsExtracted;
import eu.eccp.reporting.Reports;

/**
 * Turns a report's extracted indicators into sightings, asynchronously and through the event publication
 * registry (so a crash loses no correlation work; a replay changes nothing). Payment cards correlate on
 * their keyed hash, never on the masked number.
 */
@Component
class ReportSightings {

	private static final Logger log = LoggerFactory.getLogger(ReportSightings.class);

	private final Reports reports;
	private final Organisations organisations;
	private final Sightings sightings;

	ReportSightings(Reports reports, Organisations organisations, Sightings sightings) {
		this.reports = reports;
		this.organisations = organisations;
		this.sightings = sightings;
	}

	@ApplicationModuleListener
	void on(ReportIndicatorsExtracted event) {
		ReportContent report = reports.contentForProcessing(event.reportId()).orElse(null);
		OrganisationView owner = report == null ? null : organisations.find(report.owner()).orElse(null);
		if (report == null || owner == null) {
			log.warn("report {} vanished before correlation", event.reportId());
			return;
		}
		List<ObservedIndicator> observed = new ArrayList<>();
		for (ReportIndicator indicator : reports.indicatorsForProcessing(report.id())) {
			if (indicator.type().equals("PAYMENT_CARD")) {
				Object keyed = indicator.details().get("keyedHash");
				if (keyed != null) {
					observed.add(new ObservedIndicator("PAYMENT_CARD_HASH", keyed.toString(), indicator.benign()));
				}
				continue;
			}
			observed.add(new ObservedIndicator(indicator.type(), indicator.value(), indicator.benign()));
		}
		IngestResult result = sightings.record(List.of(new RecordSightings(new SourceRef(SourceRef.REPORT, report.id().value()),
				owner.id(), owner.country(), report.tlp(), report.submittedAt(), observed)));
		log.debug("report {}: {} new sightings, {} links, {} hits", report.id(), result.newSightings(), result.links(),
				result.hits());
	}
}
