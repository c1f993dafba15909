package eu.eccp.statistics.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A shipped, dated reference table: {@code # name: value} lines (source, date or year) then a CSV with a header
 * of two columns (key, number). Read from the operator's file when one is given, else from the class path.
 */
record ReferenceTable(Map<String, String> about, Map<String, String> values, String origin) {

	static ReferenceTable load(@Nullable Path file, String resource) {
		try (InputStream in = file != null ? Files.newInputStream(file)
				: ReferenceTable.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("reference table " + resource + " is missing");
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return parse(text, file != null ? file.toString() : "classpath:" + resource);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read the reference table " + (file != null ? file : resource), e);
		}
	}

	static ReferenceTable parse(String text, String origin) {
		Map<String, String> about = new LinkedHashMap<>();
		StringBuilder csv = new StringBuilder();
		for (String line : text.split("\r?\n")) {
			if (line.startsWith("#")) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					about.put(line.substring(1, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
				}
			}
			else if (!line.isBlank()) {
				csv.append(line).append('\n');
			}
		}
		Map<String, String> values = new LinkedHashMap<>();
		try (Reader reader = new java.io.StringReader(csv.toString())) {
			List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(reader).getRecords();
			for (CSVRecord record : records) {
				if (record.size() < 2) {
					throw new IllegalStateException(origin + " line " + record.getRecordNumber() + ": two columns expected");
				}
				values.put(record.get(0).strip().toUpperCase(Locale.ROOT), record.get(1).strip());
			}
		}
		catch (IOException | IllegalArgumentException e) {
			throw new IllegalStateException("cannot read the reference table " + origin + ": " + e.getMessage(), e);
		}
		if (!about.containsKey("source")) {
			throw new IllegalStateException(origin + " names no source (a line '# source: ...')");
		}
		return new ReferenceTable(about, values, origin);
	}

	String about(String name) {
		String value = about.get(name);
		if (value == null) {
			throw new IllegalStateException(origin + " has no line '# " + name + ": ...'");
		}
		return value;
	}

	/** A short text that changes whenever the table does, to tell when roll-ups must be rebuilt. */
	String fingerprint() {
		return Integer.toHexString((about.toString() + values).hashCode());
	}
}
