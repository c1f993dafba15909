package eu.eccp.reporting.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;

/**
 * Finds a report's indicators in its description, its structured details and its text attachments (saved
 * e-mails, plain text). Pure work on what it is given (and the attachment files): it holds no connection and
 * stores nothing; {@link ReportCorrelation} stores and correlates what it finds.
 */
@Component
class ReportIndicatorExtraction {

	private static final Logger log = LoggerFactory.getLogger(ReportIndicatorExtraction.class);

	private final AttachmentStore attachments;
	private final IndicatorExtractor extractor;

	ReportIndicatorExtraction(AttachmentStore attachments, IndicatorExtractor extractor) {
		this.attachments = attachments;
		this.extractor = extractor;
	}

	/** An indicator with the part of the report it was found in ({@code description}, {@code details.urls}...). */
	record Found(Indicator indicator, String source) {
	}

	/** Each distinct indicator once per part of the report it was found in, in order of discovery. */
	List<Found> extract(ReportForProcessing report, List<AttachmentView> files) {
		ExtractionOptions options = ExtractionOptions.forRegion(report.region());
		Map<String, Found> unique = new LinkedHashMap<>();
		add(unique, "description", extractor.extract(report.description(), options));
		report.details().forEach((kind, values) -> {
			for (String value : values) {
				add(unique, "details." + kind, extractor.extract(value, options));
			}
		});
		for (AttachmentView attachment : files) {
			if (!attachment.contentType().equals("message/rfc822") && !attachment.contentType().equals("text/plain")) {
				continue;
			}
			String source = "attachment:" + attachment.fileName();
			try {
				// streamed from the file: an attachment is never read into memory whole
				java.nio.file.Path file = attachments.path(report.id(), attachment.id());
				if (attachment.contentType().equals("message/rfc822")) {
					extractor.extractFromEml(file, options, indicator -> add(unique, source, indicator));
				}
				else {
					extractor.extractFromFile(file, attachment.fileName(), options, indicator -> add(unique, source, indicator));
				}
			}
			catch (IOException e) {
				log.warn("report {}: attachment {} could not be read for indicators", report.id(), attachment.id());
			}
		}
		return new ArrayList<>(unique.values());
	}

	private static void add(Map<String, Found> into, String source, List<Indicator> found) {
		for (Indicator i : found) {
			add(into, source, i);
		}
	}

	private static void add(Map<String, Found> into, String source, Indicator i) {
		into.putIfAbsent(i.type() + "|" + i.value() + "|" + source, new Found(i, source));
	}
}
