package eu.eccp.sharing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.correlation.SharedIndicators;
import eu.eccp.shared.CallerContext;

/**
 * An agreement's collection as CSV for partners without TAXII or MISP: one line per live indicator with
 * {@code stix_id, type, value, pseudonymised, tlp, first_seen, last_seen, records, countries}, values exactly as the
 * TAXII server gives them (pseudonyms for personal types where the agreement says so). The download is a disclosure
 * and is recorded.
 */
@Service
public class CsvExport {

	private static final int CHUNK = 2_000;

	static final String[] HEADER = { "stix_id", "type", "value", "pseudonymised", "tlp", "first_seen", "last_seen",
			"records", "countries" };

	private final TaxiiCollections collections;
	private final CollectionObjectRepository objects;
	private final SharedIndicators shared;
	private final StixObjects stix;
	private final PseudonymKeys pseudonyms;
	private final Disclosures disclosures;

	CsvExport(TaxiiCollections collections, CollectionObjectRepository objects, SharedIndicators shared, StixObjects stix,
			PseudonymKeys pseudonyms, Disclosures disclosures) {
		this.collections = collections;
		this.objects = objects;
		this.shared = shared;
		this.stix = stix;
		this.pseudonyms = pseudonyms;
		this.disclosures = disclosures;
	}

	@Transactional
	public void write(CallerContext caller, UUID collection, Writer out) {
		Agreement agreement = collections.readable(caller, collection);
		StixObjects.Recipient recipient = collections.recipient(caller);
		List<String> disclosed = new ArrayList<>();
		boolean clearPersonal = false;
		try {
			CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
			long after = 0;
			while (true) {
				List<CollectionRow> rows = objects.liveRows(agreement.id(), after, CHUNK);
				Map<Long, SharedIndicators.Value> values = shared.values(rows.stream().map(CollectionRow::indicatorId).toList());
				for (CollectionRow row : rows) {
					SharedIndicators.Value value = values.get(row.indicatorId());
					if (value == null) {
						continue;
					}
					boolean pseudonymised = agreement.pseudonymisedFor(row.type(), recipient.publicAuthority());
					String id = stix.indicatorId(agreement, row, recipient);
					csv.printRecord(id, row.type(),
							pseudonymised ? pseudonyms.pseudonym(recipient.organisation(), row.type(), value.value()) : value.value(),
							pseudonymised, row.tlp().label(), StixTime.format(row.firstSeen()), StixTime.format(row.lastSeen()),
							row.records(), String.join(" ", row.countries()));
					disclosed.add(id);
					clearPersonal |= agreement.isPersonal(row.type()) && !pseudonymised;
				}
				if (rows.size() < CHUNK) {
					break;
				}
				after = rows.get(rows.size() - 1).indicatorId();
			}
			csv.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		disclosures.record(caller, agreement, "csv", disclosed, clearPersonal);
	}
}
