package eu.eccp.cases.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.indicators.IndicatorType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.Tlp;

/**
 * The indicators of a case's summary, notes, messages and evidence become sightings of the case (source
 * kind {@code CASE}, owned by the owning unit, with the case's marking), so correlation links the case to
 * other countries' records. An evidence file is sighted by its SHA-256, and text evidence (plain text, HTML,
 * saved e-mails) is also searched. TLP:RED entries, and entries marked more strictly than the case, are not
 * correlated.
 */
@Component
class CaseSightings {

	static final String SOURCE_KIND = "CASE";

	private static final Logger log = LoggerFactory.getLogger(CaseSightings.class);

	private final CaseRepository cases;
	private final CaseWork work;
	private final EvidenceLocker locker;
	private final IndicatorExtractor extractor;
	private final Organisations organisations;
	private final Sightings sightings;
	private final CasesProperties properties;

	CaseSightings(CaseRepository cases, CaseWork work, EvidenceLocker locker, IndicatorExtractor extractor,
			Organisations organisations, Sightings sightings, CasesProperties properties) {
		this.cases = cases;
		this.work = work;
		this.locker = locker;
		this.extractor = extractor;
		this.organisations = organisations;
		this.sightings = sightings;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(CaseEntryAdded event) {
		Optional<CaseFile> found = cases.find(event.caseId());
		Optional<OrganisationView> owner = found.flatMap(c -> organisations.find(c.owner()));
		if (found.isEmpty() || owner.isEmpty()) {
			log.warn("case {} vanished before correlation", event.caseId());
			return;
		}
		CaseFile file = found.get();
		List<Indicator> indicators = new ArrayList<>();
		switch (event.kind()) {
			case CaseEntryAdded.SUMMARY -> indicators.addAll(extractor.extract(file.title() + "\n" + file.summary(),
					ExtractionOptions.defaults()));
			case CaseEntryAdded.ENTRY -> work.forProcessing(event.id())
				.filter(entry -> correlates(entry.tlp(), file))
				.ifPresent(entry -> indicators.addAll(extractor.extract(entry.body(), ExtractionOptions.defaults())));
			case CaseEntryAdded.EVIDENCE -> {
				Optional<Evidence> evidence = locker.forProcessing(event.id()).filter(e -> correlates(e.tlp(), file));
				if (evidence.isPresent()) {
					Evidence e = evidence.get();
					indicators.add(new Indicator(IndicatorType.SHA256, e.sha256(), e.sha256(), 0, false, null,
							java.util.Map.of(Indicator.FILE_NAME, e.fileName())));
					if (isText(e) && e.size() <= properties.maxScannedEvidenceSize().toBytes()) {
						try {
							// streamed from the locker's file, never read into memory whole
							extractor.extractFromFile(locker.pathOf(e), e.fileName(), ExtractionOptions.defaults(),
									indicators::add);
						}
						catch (IOException unreadable) {
							// the hash still correlates; a file that cannot be read must not block the event for good
							log.error("evidence {} of case {} could not be read for indicators", e.id(), e.caseId());
						}
					}
				}
			}
			default -> log.warn("unknown case entry kind {}", event.kind());
		}
		List<ObservedIndicator> observed = new ArrayList<>();
		indicators.forEach(indicator -> ObservedIndicator.of(indicator).ifPresent(observed::add));
		if (observed.isEmpty()) {
			return;
		}
		sightings.record(List.of(new RecordSightings(new SourceRef(SOURCE_KIND, file.id().value()), file.owner(),
				owner.get().country(), file.tlp(), file.openedAt(), observed)));
	}

	/**
	 * Whether an entry's indicators may be correlated under the case's marking: not TLP:RED, and not marked
	 * more strictly than the case (its indicators would reach other units' hits under a weaker marking).
	 */
	static boolean correlates(Tlp entry, CaseFile file) {
		return entry != Tlp.RED && entry.ordinal() >= file.tlp().ordinal();
	}

	private static boolean isText(Evidence evidence) {
		String type = evidence.contentType().toLowerCase(Locale.ROOT);
		String name = evidence.fileName().toLowerCase(Locale.ROOT);
		return type.startsWith("text/") || type.equals("message/rfc822") || name.endsWith(".eml") || name.endsWith(".txt")
				|| name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".csv") || name.endsWith(".log");
	}
}
