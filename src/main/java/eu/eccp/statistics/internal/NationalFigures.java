package eu.eccp.statistics.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Role;
import eu.eccp.shared.Upload;

/**
 * National official figures: a national unit's analyst uploads its country's annual police-recorded figures by ICCS
 * code as CSV ({@link #TEMPLATE}); they are shown beside the platform's own counts, labelled with their source. The
 * whole file is checked before anything is stored; a bad file stores nothing and names its first bad line.
 */
@Service
public class NationalFigures {

	/** The CSV template: header and one example line. */
	public static final String TEMPLATE = "year,iccs_code,recorded,source\n2024,0903,1234,National police statistics 2024\n";

	static final int MAX_LINES = 5_000;
	static final long MAX_BYTES = 1_000_000;

	public record Figure(String country, int year, String iccsCode, long recorded, String source) {
	}

	private final NationalFigureRepository figures;
	private final AuditTrail audit;
	private final Clock clock;

	NationalFigures(NationalFigureRepository figures, AuditTrail audit, Clock clock) {
		this.figures = figures;
		this.audit = audit;
		this.clock = clock;
	}

	/** Stores the caller's country's figures from the file; returns how many lines were stored. */
	@Transactional
	public int upload(CallerContext caller, Upload file) {
		if (!caller.has(Role.ANALYST)) {
			throw new AccessDeniedException("national figures are uploaded by a national unit's analysts");
		}
		if (file.size() > MAX_BYTES) {
			throw new InvalidRequestException("file", "validation.statistics.nationalFile");
		}
		String country = caller.country().value();
		int thisYear = Instant.now(clock).atOffset(ZoneOffset.UTC).getYear();
		Map<String, Figure> read = new LinkedHashMap<>();
		try (Reader reader = new InputStreamReader(file.open(), StandardCharsets.UTF_8)) {
			List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
				.setIgnoreSurroundingSpaces(true).get().parse(reader).getRecords();
			if (records.isEmpty() || records.size() > MAX_LINES) {
				throw new InvalidRequestException("file", "validation.statistics.nationalFile");
			}
			for (CSVRecord record : records) {
				if (!record.isConsistent() || !record.isMapped("year") || !record.isMapped("iccs_code")
						|| !record.isMapped("recorded") || !record.isMapped("source")) {
					throw line(record);
				}
				String iccs = record.get("iccs_code");
				String source = record.get("source");
				int year;
				long recorded;
				try {
					year = Integer.parseInt(record.get("year"));
					recorded = Long.parseLong(record.get("recorded"));
				}
				catch (NumberFormatException e) {
					throw line(record);
				}
				if (year < 1990 || year > thisYear || recorded < 0 || !iccs.matches("\\d{2,6}") || source.isBlank()
						|| source.length() > 200) {
					throw line(record);
				}
				read.put(year + "|" + iccs, new Figure(country, year, iccs, recorded, source.strip()));
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException e) {
			throw new InvalidRequestException("file", "validation.statistics.nationalFile");
		}
		List<Figure> list = new ArrayList<>(read.values());
		figures.saveAll(country, list, caller.userId(), clock.instant());
		audit.record(AuditEvent.of("statistics.national-figures.uploaded", "country", country)
			.withDetail("lines=" + list.size()));
		return list.size();
	}

	private static InvalidRequestException line(CSVRecord record) {
		return new InvalidRequestException("line " + (record.getRecordNumber() + 1), "validation.statistics.nationalLine");
	}

	/** The figures of some countries (all when empty) for one year, by country and code. */
	@Transactional(readOnly = true)
	public List<Figure> of(Set<String> countries, int year) {
		return figures.of(countries, year);
	}
}
