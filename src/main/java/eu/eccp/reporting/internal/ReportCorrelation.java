package eu.eccp.reporting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.eccp.correlation.HitAnnouncement;
import eu.eccp.correlation.IngestResult;
import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportFacts;
import eu.eccp.reporting.ReportId;
import eu.eccp.reporting.ReportsCounted;
import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ContentIntake;
import eu.eccp.takedown.ReportedCategory;
import eu.eccp.takedown.ReportedContent;

/**
 * The one path from stored reports to correlation, for every source of reports (public and organisational
 * intake through the processing worker, bulk imports chunk by chunk): a batch's indicators are extracted in
 * memory, stored for the whole batch in one transaction, and handed to {@link Sightings} as one batch; then the
 * batch leaves the processing queue. The batch's non-personal facts are published for statistics
 * ({@link ReportsCounted}) in the transaction that stores its indicators. Each step is idempotent, so a batch cut short by a crash is simply done
 * again, and the import phases it counts (extracted, correlated) move once per report.
 */
@Component
class ReportCorrelation {

	private static final Logger log = LoggerFactory.getLogger(ReportCorrelation.class);

	private final ReportIndicatorExtraction extraction;
	private final ReportRepository reports;
	private final ReportIndicatorRepository indicators;
	private final ReportProcessingQueue queue;
	private final ImportJobRepository jobs;
	private final Sightings sightings;
	private final Organisations organisations;
	private final TransactionTemplate transactions;
	private final ContentIntake content;
	private final ApplicationEventPublisher events;

	ReportCorrelation(ReportIndicatorExtraction extraction, ReportRepository reports,
			ReportIndicatorRepository indicators, ReportProcessingQueue queue, ImportJobRepository jobs,
			Sightings sightings, Organisations organisations, TransactionTemplate transactions, ContentIntake content,
			ApplicationEventPublisher events) {
		this.content = content;
		this.events = events;
		this.extraction = extraction;
		this.reports = reports;
		this.indicators = indicators;
		this.queue = queue;
		this.jobs = jobs;
		this.sightings = sightings;
		this.organisations = organisations;
		this.transactions = transactions;
	}

	/** Extracts, stores and correlates a batch of stored reports; must be called outside a transaction. */
	IngestResult process(List<ReportForProcessing> batch, HitAnnouncement announcement) {
		if (batch.isEmpty()) {
			return new IngestResult(0, 0, 0, 0);
		}
		Map<ReportId, List<AttachmentView>> files = attachmentsOf(batch);
		Map<ReportId, List<ReportIndicator>> stored = new LinkedHashMap<>();
		List<RecordSightings> records = new ArrayList<>(batch.size());
		Map<OrganisationId, Optional<OrganisationView>> owners = new HashMap<>();
		List<ReportFacts> facts = new ArrayList<>(batch.size());
		for (ReportForProcessing report : batch) {
			List<ReportIndicatorExtraction.Found> found = extraction.extract(report, files.getOrDefault(report.id(), List.of()));
			List<ReportIndicator> rows = new ArrayList<>(found.size());
			List<ObservedIndicator> observed = new ArrayList<>(found.size());
			for (ReportIndicatorExtraction.Found f : found) {
				rows.add(new ReportIndicator(f.indicator().type().name(), f.indicator().value(), f.indicator().original(),
						f.source(), f.indicator().defanged(), f.indicator().benign(), f.indicator().details()));
				ObservedIndicator.of(f.indicator()).ifPresent(observed::add);
			}
			stored.put(report.id(), rows);
			Optional<OrganisationView> owner = owners.computeIfAbsent(report.owner(), organisations::find);
			if (owner.isEmpty()) {
				log.warn("report {}: its owner is not on the platform; not correlated", report.id());
				continue;
			}
			facts.add(factsOf(report, owner.get()));
			records.add(new RecordSightings(new SourceRef(SourceRef.REPORT, report.id().value()), owner.get().id(),
					owner.get().country(), report.tlp(), report.submittedAt(), observed));
		}
		List<ReportId> ids = List.copyOf(stored.keySet());
		transactions.executeWithoutResult(status -> {
			indicators.replaceAll(stored);
			content.fromReports(illegalContent(batch));
			queue.extracted(ids).forEach(jobs::addExtracted);
			if (!facts.isEmpty()) {
				events.publishEvent(new ReportsCounted(facts));
			}
		});
		IngestResult result = sightings.record(records, announcement);
		transactions.executeWithoutResult(status -> queue.done(ids).forEach(jobs::addCorrelated));
		log.debug("{} reports: {} new sightings, {} links, {} hits", batch.size(), result.newSightings(), result.links(),
				result.hits());
		return result;
	}

	/** What statistics may know of the report: its dimensions, and the country of the unit it was routed to. */
	static ReportFacts factsOf(ReportForProcessing report, OrganisationView owner) {
		return new ReportFacts(report.id(), report.offence(), owner.country(), report.victimCountries(), report.occurredAt(),
				report.submittedAt(), report.lossAmount(), report.lossCurrency());
	}

	/**
	 * The web addresses of the batch's illegal-content reports, for the takedown module's items (idempotent
	 * there, so a batch done again after a crash adds nothing).
	 */
	private static List<ReportedContent> illegalContent(List<ReportForProcessing> batch) {
		List<ReportedContent> result = new ArrayList<>();
		for (ReportForProcessing report : batch) {
			ReportedCategory category = contentCategory(report.offence());
			List<String> urls = report.details().getOrDefault("urls", List.of());
			if (category != null && !urls.isEmpty()) {
				result.add(new ReportedContent(report.id().value(), report.reference(), report.owner(), report.submitter(),
						category, urls, report.tlp(), report.submittedAt()));
			}
		}
		return result;
	}

	static ReportedCategory contentCategory(Offence offence) {
		return switch (offence) {
			case CHILD_SEXUAL_ABUSE_MATERIAL -> ReportedCategory.CSAM;
			case TERRORIST_CONTENT -> ReportedCategory.TERRORIST_CONTENT;
			case RACISM_XENOPHOBIA -> ReportedCategory.RACIST_XENOPHOBIC_HATE;
			default -> offence.isIllegalContent() ? ReportedCategory.OTHER_ILLEGAL_CONTENT : null;
		};
	}

	/** The files of the batch's reports that have any, in one query. */
	private Map<ReportId, List<AttachmentView>> attachmentsOf(List<ReportForProcessing> batch) {
		List<ReportId> withFiles = batch.stream().filter(ReportForProcessing::attachments).map(ReportForProcessing::id)
			.toList();
		return withFiles.isEmpty() ? Map.of() : reports.attachmentsOf(withFiles);
	}

	/** The announcement key under which an import's hits are held until the import ends. */
	static String announcementKey(UUID importJob) {
		return "report-import:" + importJob;
	}
}
