package eu.eccp.hosting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The maintained list of CDNs and reverse proxies ({@code classpath:hosting/cdn-networks.csv}), by AS number,
 * with the operator's additions from {@code eccp.hosting.cdn-list}. Read once at start-up.
 */
@Component
class CdnList {

	/** A CDN or reverse proxy and its abuse desk. */
	record Cdn(long asn, String name, @Nullable String abuseEmail, @Nullable String abuseUrl) {
	}

	private final Map<Long, Cdn> byAsn;

	CdnList(HostingProperties properties) {
		Map<Long, Cdn> entries = new HashMap<>();
		try (InputStream shipped = CdnList.class.getResourceAsStream("/hosting/cdn-networks.csv")) {
			if (shipped == null) {
				throw new IllegalStateException("hosting/cdn-networks.csv is missing from the class path");
			}
			read(new String(shipped.readAllBytes(), StandardCharsets.UTF_8), entries, "hosting/cdn-networks.csv");
			if (properties.cdnList() != null) {
				read(Files.readString(properties.cdnList()), entries, properties.cdnList().toString());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the CDN list", e);
		}
		this.byAsn = Map.copyOf(entries);
	}

	private static void read(String text, Map<Long, Cdn> into, String source) throws IOException {
		String withoutComments = text.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
			.setIgnoreEmptyLines(true).get();
		try (Reader reader = new StringReader(withoutComments)) {
			for (CSVRecord row : format.parse(reader)) {
				try {
					long asn = Long.parseLong(row.get("asn"));
					into.put(asn, new Cdn(asn, row.get("name"), blankToNull(row.get("abuse_email")),
							row.isMapped("abuse_url") ? blankToNull(row.get("abuse_url")) : null));
				}
				catch (IllegalArgumentException e) {
					throw new IllegalStateException(source + " line " + row.getRecordNumber() + ": " + e.getMessage(), e);
				}
			}
		}
	}

	private static @Nullable String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	Optional<Cdn> byAsn(@Nullable Long asn) {
		return asn == null ? Optional.empty() : Optional.ofNullable(byAsn.get(asn));
	}

	int size() {
		return byAsn.size();
	}
}
