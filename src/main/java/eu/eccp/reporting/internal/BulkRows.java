package eu.eccp.reporting.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a bulk file one row at a time (never whole): NDJSON (one report object per line, the JSON model of
 * {@code POST /api/v1/reports}) or CSV with a header row of the {@link #CSV_COLUMNS}. List columns
 * (victimCountries, urls, emails, phones, ibans, wallets, socialAccounts) separate entries with {@code ;}.
 */
abstract class BulkRows implements Iterator<BulkRows.Row>, Closeable {

	static final List<String> CSV_COLUMNS = List.of("offence", "description", "residenceCountry", "victimCountries",
			"occurredAt", "timeZone", "lossAmount", "lossCurrency", "paymentMethod", "urls", "emails", "phones", "ibans",
			"wallets", "socialAccounts", "contactName", "contactEmail", "contactPhone", "contactLanguage",
			"consentToContact", "consentToShare", "organisationReference", "tlp");

	/** One row: its line number, and either the draft report or why it could not be read. */
	record Row(long line, @Nullable ReportDraft draft, @Nullable String error) {
	}

	/** The file as a whole cannot be read (e.g. a CSV header naming unknown columns). */
	static final class UnreadableFileException extends RuntimeException {

		UnreadableFileException(String message) {
			super(message);
		}
	}

	static BulkRows open(String format, Reader reader, JsonMapper json) throws IOException {
		return format.equals("csv") ? new Csv(reader) : new Ndjson(new BufferedReader(reader), json);
	}

	private static final class Ndjson extends BulkRows {

		private final BufferedReader reader;
		private final JsonMapper json;
		private long line;
		private @Nullable String next;

		Ndjson(BufferedReader reader, JsonMapper json) {
			this.reader = reader;
			this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
			advance();
		}

		private void advance() {
			try {
				do {
					next = reader.readLine();
					line++;
				}
				while (next != null && next.isBlank());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		@Override
		public boolean hasNext() {
			return next != null;
		}

		@Override
		public Row next() {
			if (next == null) {
				throw new NoSuchElementException();
			}
			String text = next;
			long number = line;
			advance();
			try {
				return new Row(number, json.readValue(text, ReportDraft.class), null);
			}
			catch (JacksonException e) {
				return new Row(number, null, "not a valid JSON report object: " + e.getOriginalMessage());
			}
		}

		@Override
		public void close() throws IOException {
			reader.close();
		}
	}

	private static final class Csv extends BulkRows {

		private final CSVParser parser;
		private final Iterator<CSVRecord> records;

		Csv(Reader reader) throws IOException {
			this.parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
				.setIgnoreEmptyLines(true).get().parse(reader);
			Set<String> unknown = new TreeSet<>(parser.getHeaderNames());
			unknown.removeAll(CSV_COLUMNS);
			if (!unknown.isEmpty()) {
				throw new UnreadableFileException("unknown CSV columns " + unknown + "; the columns are " + CSV_COLUMNS);
			}
			if (!parser.getHeaderNames().contains("offence") || !parser.getHeaderNames().contains("description")) {
				throw new UnreadableFileException("the CSV header must name at least the columns offence and description");
			}
			this.records = parser.iterator();
		}

		@Override
		public boolean hasNext() {
			try {
				return records.hasNext();
			}
			catch (UncheckedIOException | IllegalStateException e) {
				throw new UnreadableFileException("the CSV cannot be read after line " + parser.getCurrentLineNumber()
						+ ": " + e.getMessage());
			}
		}

		@Override
		public Row next() {
			CSVRecord record = records.next();
			long line = record.getRecordNumber() + 1;
			if (!record.isConsistent()) {
				return new Row(line, null, "expected " + parser.getHeaderNames().size() + " columns, found " + record.size());
			}
			Map<String, String> row = record.toMap();
			return new Row(line, new ReportDraft(row.get("offence"), row.get("residenceCountry"),
					list(row.get("victimCountries")), row.get("occurredAt"), row.get("timeZone"),
					new ReportDraft.Loss(row.get("lossAmount"), row.get("lossCurrency"), row.get("paymentMethod")),
					row.get("description"),
					new ReportDraft.Details(list(row.get("urls")), list(row.get("emails")), list(row.get("phones")),
							list(row.get("ibans")), list(row.get("wallets")), list(row.get("socialAccounts"))),
					new ReportDraft.Contact(row.get("contactName"), row.get("contactEmail"), row.get("contactPhone"),
							row.get("contactLanguage")),
					yes(row.get("consentToContact")), yes(row.get("consentToShare")), row.get("organisationReference"),
					row.get("tlp"), null, false), null);
		}

		private static List<String> list(@Nullable String cell) {
			return cell == null || cell.isBlank() ? List.of() : Arrays.stream(cell.split(";")).map(String::strip)
				.filter(s -> !s.isEmpty()).toList();
		}

		private static boolean yes(@Nullable String cell) {
			return cell != null && Set.of("true", "yes", "1", "y").contains(cell.strip().toLowerCase(Locale.ROOT));
		}

		@Override
		public void close() throws IOException {
			parser.close();
		}
	}
}
