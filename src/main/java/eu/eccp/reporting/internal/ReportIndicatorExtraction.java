package eu.eccp.reporting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportIndicator;
import eu.eccp.reporting.ReportIndicatorsExtracted;
import eu.eccp.reporting.ReportSubmitted;

/**
 * When a report is submitted, extracts its indicators from the description, the structured details and
 * the text attachments (saved e-mails, plain text), stores them with the report and announces
 * {@link ReportIndicatorsExtracted}. Runs after the submission commits, through the event publication
 * registry, so a crash loses no work; running it again for the same report stores the same result.
 */
@Component
class ReportIndicatorExtraction {

	private static final Logger log = LoggerFactory.getLogger(ReportIndicatorExtraction.class);

	private final ReportRepository reports;
	private final ReportIndicatorRepository indicators;
	private final AttachmentStore attachments;
	private final IndicatorExtractor extractor;
	private final ApplicationEventPublisher events;

	ReportIndicatorExtraction(ReportRepository reports, ReportIndicatorRepository indicators,
			AttachmentStore attachments, IndicatorExtractor extractor, ApplicationEventPublisher events) {
		this.reports = reports;
		this.indicators = indicators;
		this.attachments = attachments;
		this.extractor = extractor;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(ReportSubmitted event) {
		reports.findById(event.reportId()).ifPresent(report -> {
			List<ReportIndicator> found = extract(report);
			indicators.replace(report.id(), found);
			events.publishEvent(new ReportIndicatorsExtracted(report.id(), report.owner()));
			log.debug("report {}: {} indicators", report.id(), found.size());
		});
	}

	List<ReportIndicator> extract(StoredReport report) {
		String region = !report.victimCountries().isEmpty() ? report.victimCountries().get(0).value()
				: report.residenceCountry() == null ? null : report.residenceCountry().value();
		ExtractionOptions options = ExtractionOptions.forRegion(region);
		Map<String, ReportIndicator> unique = new LinkedHashMap<>();
		add(unique, "description", extractor.extract(report.description(), options));
		report.details().forEach((kind, values) -> {
			for (String value : values) {
				add(unique, "details." + kind, extractor.extract(value, options));
			}
		});
		for (AttachmentView attachment : reports.attachments(report.id())) {
			if (!attachment.contentType().equals("message/rfc822") && !attachment.contentType().equals("text/plain")) {
				continue;
			}
			try (InputStream in = Files.newInputStream(attachments.path(report.id(), attachment.id()))) {
				List<Indicator> found = attachment.contentType().equals("message/rfc822")
						? extractor.extractFromEml(in, options)
						: extractor.extractFromFile(in.readAllBytes(), attachment.fileName(), options);
				add(unique, "attachment:" + attachment.fileName(), found);
			}
			catch (IOException e) {
				log.warn("report {}: attachment {} could not be read for indicators", report.id(), attachment.id());
			}
		}
		return new ArrayList<>(unique.values());
	}

	private static void add(Map<String, ReportIndicator> into, String source, List<Indicator> found) {
		for (Indicator i : found) {
			into.putIfAbsent(i.type() + "|" + i.value() + "|" + source, new ReportIndicator(i.type().name(), i.value(),
					i.original(), source, i.defanged(), i.benign(), i.details()));
		}
	}

	/** For tests and replays: the stored indicators of a report. */
	List<ReportIndicator> stored(ReportId id) {
		return indicators.find(id);
	}
}
