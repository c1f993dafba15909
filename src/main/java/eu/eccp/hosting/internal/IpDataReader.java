package eu.eccp.hosting.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import eu.eccp.shared.CountryCode;

/**
 * Reads the IP datasets operators import, streaming (a file is never held in memory):
 * <ul>
 * <li>RIR delegated statistics, {@code delegated-<registry>[-extended]-<date|latest>}: the NRO exchange format
 * {@code registry|cc|type|start|value|date|status[|opaque-id[|extensions]]}. IPv4 records give a start address
 * and a count (not necessarily a power of two), IPv6 records a prefix length. Only {@code allocated} and
 * {@code assigned} records with an ISO country become ranges; {@code available}/{@code reserved} records,
 * AS-number records, summaries and comments are skipped.</li>
 * <li>ip-location-db CSV files: {@code start,end,country} (e.g. {@code geo-whois-asn-country-ipv4.csv}) or
 * {@code start,end,asn,organisation} ({@code asn-ipv6.csv}), with addresses as literals or, in the
 * {@code -num} files, as decimal numbers; inclusive ranges; no header.</li>
 * </ul>
 * Gzip-compressed files are read as they are. A line that cannot be read is skipped and counted, the first few
 * with their line number and reason.
 */
final class IpDataReader {

	private static final Pattern RIR_VERSION_LINE = Pattern.compile("^\\d+(\\.\\d+)?\\|([a-z]+)\\|.*");
	private static final int PROBLEMS_KEPT = 5;

	/** What a file is: its format and the dataset it belongs to (a newer file of the same dataset replaces it). */
	record Header(IpDataFormat format, String dataset) {
	}

	/** What reading a file found besides its ranges. */
	static final class Tally {
		long ranges;
		long skipped;
		final List<String> problems = new ArrayList<>();

		void skip(long line, String reason) {
			skipped++;
			if (problems.size() < PROBLEMS_KEPT) {
				problems.add("line " + line + ": " + reason);
			}
		}
	}

	private IpDataReader() {
	}

	static BufferedReader open(Path file) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		in.mark(2);
		int first = in.read();
		int second = in.read();
		in.reset();
		if (first == 0x1f && second == 0x8b) {
			in = new GZIPInputStream(in, 1 << 16);
		}
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
	}

	/** Recognises the file from its first line, or fails with IllegalArgumentException naming what is wrong. */
	static Header detect(Path file) throws IOException {
		String name = file.getFileName().toString();
		try (BufferedReader reader = open(file)) {
			String line;
			while ((line = reader.readLine()) != null) {
				String text = line.strip();
				if (text.isEmpty() || text.startsWith("#")) {
					continue;
				}
				var rir = RIR_VERSION_LINE.matcher(text);
				if (rir.matches()) {
					return new Header(IpDataFormat.RIR_DELEGATED, "rir:" + rir.group(2));
				}
				List<String> fields = csvFields(text);
				if (fields.size() >= 3 && address(fields.get(0), name)) {
					String dataset = "ip-location-db:" + name.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "")
						.replaceFirst("\\.csv$", "").replaceFirst("-num$", "");
					if (fields.size() == 3 && fields.get(2).strip().matches("[A-Za-z]{2}")) {
						return new Header(IpDataFormat.IP_LOCATION_DB_COUNTRY, dataset);
					}
					if (fields.size() <= 4 && fields.get(2).strip().matches("\\d{1,10}")) {
						return new Header(IpDataFormat.IP_LOCATION_DB_ASN, dataset);
					}
				}
				throw new IllegalArgumentException("not a RIR delegated-stats file nor an ip-location-db country or ASN CSV "
						+ "(its first line reads neither 'version|registry|...' nor 'start,end,country' / 'start,end,asn,org')");
			}
		}
		throw new IllegalArgumentException("the file is empty");
	}

	/** Reads every range of the file, in file order. */
	static void read(Path file, Header header, Consumer<IpRange> sink, Tally tally) throws IOException {
		try (BufferedReader reader = open(file)) {
			if (header.format() == IpDataFormat.RIR_DELEGATED) {
				readDelegated(reader, sink, tally);
			}
			else {
				readCsv(reader, header.format(), file.getFileName().toString().toLowerCase(Locale.ROOT).contains("ipv6"),
						sink, tally);
			}
		}
	}

	private static void readDelegated(BufferedReader reader, Consumer<IpRange> sink, Tally tally) throws IOException {
		String line;
		long number = 0;
		boolean versionSeen = false;
		while ((line = reader.readLine()) != null) {
			number++;
			String text = line.strip();
			if (text.isEmpty() || text.startsWith("#")) {
				continue;
			}
			if (!versionSeen && RIR_VERSION_LINE.matcher(text).matches()) {
				versionSeen = true;
				continue;
			}
			String[] f = text.split("\\|", -1);
			if (f.length >= 6 && f[5].equals("summary")) {
				continue;
			}
			if (f.length < 7) {
				tally.skip(number, "fewer than 7 fields");
				continue;
			}
			String type = f[2];
			String status = f[6].toLowerCase(Locale.ROOT);
			if (type.equals("asn") || !(status.equals("allocated") || status.equals("assigned"))) {
				continue; // AS numbers, available and reserved space: not a hosting location
			}
			if (!CountryCode.isValid(f[1])) {
				tally.skip(number, "no ISO country code ('" + f[1] + "')");
				continue;
			}
			try {
				InetAddress start = IpRange.literal(f[3]);
				InetAddress end = switch (type) {
					case "ipv4" -> IpRange.plus(start, new BigInteger(f[4]));
					case "ipv6" -> IpRange.ipv6PrefixEnd(start, Integer.parseInt(f[4]));
					default -> throw new IllegalArgumentException("unknown type '" + type + "'");
				};
				if (type.equals("ipv4") != start instanceof java.net.Inet4Address) {
					throw new IllegalArgumentException("the address does not match the record type '" + type + "'");
				}
				sink.accept(IpRange.country(start, end, f[1].toUpperCase(Locale.ROOT)));
				tally.ranges++;
			}
			catch (IllegalArgumentException | ArithmeticException e) {
				tally.skip(number, e.getMessage() == null ? "unreadable" : e.getMessage());
			}
		}
	}

	private static void readCsv(BufferedReader reader, IpDataFormat format, boolean ipv6Numbers, Consumer<IpRange> sink,
			Tally tally) throws IOException {
		CSVFormat csv = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
		try (CSVParser parser = CSVParser.parse(reader, csv)) {
			for (CSVRecord record : parser) {
				long number = record.getRecordNumber();
				try {
					if (record.size() < 3) {
						throw new IllegalArgumentException("fewer than 3 columns");
					}
					InetAddress start = address(record.get(0), ipv6Numbers);
					InetAddress end = address(record.get(1), ipv6Numbers);
					if (format == IpDataFormat.IP_LOCATION_DB_COUNTRY) {
						String country = record.get(2).toUpperCase(Locale.ROOT);
						if (!CountryCode.isValid(country)) {
							tally.skip(number, "no ISO country code ('" + record.get(2) + "')");
							continue;
						}
						sink.accept(IpRange.country(start, end, country));
					}
					else {
						long asn = Long.parseLong(record.get(2));
						if (asn < 0 || asn > 0xffffffffL) {
							throw new IllegalArgumentException("AS number out of range");
						}
						String owner = record.size() > 3 && !record.get(3).isBlank() ? record.get(3) : null;
						sink.accept(IpRange.asn(start, end, asn, owner));
					}
					tally.ranges++;
				}
				catch (IllegalArgumentException | ArithmeticException e) {
					tally.skip(number, e.getMessage() == null ? "unreadable" : e.getMessage());
				}
			}
		}
		catch (java.io.UncheckedIOException e) {
			throw e.getCause();
		}
	}

	private static InetAddress address(String text, boolean ipv6Numbers) {
		String value = text.strip();
		return value.chars().allMatch(Character::isDigit) && !value.isEmpty() ? IpRange.number(value, ipv6Numbers)
				: IpRange.literal(value);
	}

	private static boolean address(String text, String fileName) {
		try {
			address(text, fileName.toLowerCase(Locale.ROOT).contains("ipv6"));
			return true;
		}
		catch (IllegalArgumentException | ArithmeticException e) {
			return false;
		}
	}

	private static List<String> csvFields(String line) throws IOException {
		try (CSVParser parser = CSVParser.parse(line, CSVFormat.DEFAULT)) {
			List<CSVRecord> records = parser.getRecords();
			return records.isEmpty() ? List.of() : records.get(0).toList();
		}
	}
}
