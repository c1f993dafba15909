package eu.eccp.hosting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.common.net.InetAddresses;

/** The file formats {@code ip-data import} reads, and how pasted URLs give their host. */
class IpDataReaderTests {

	@TempDir
	Path dir;

	List<String> read(Path file, IpDataReader.Tally tally) throws IOException {
		List<String> ranges = new ArrayList<>();
		IpDataReader.read(file, IpDataReader.detect(file), range -> ranges.add(InetAddresses.toAddrString(range.start()) + "-"
				+ InetAddresses.toAddrString(range.end()) + " " + (range.country() != null ? range.country() : "AS" + range.asn()
						+ " " + range.owner())), tally);
		return ranges;
	}

	@Test
	void delegatedStatsGiveRangesOfAnyCountAndIpv6Prefixes() throws IOException {
		Path file = dir.resolve("delegated-apnic-extended-latest");
		Files.writeString(file, """
				2|apnic|20261130|4|19830613|20261129|+1000
				apnic|*|ipv4|*|3|summary
				apnic|JP|ipv4|1.0.16.0|4096|20110412|allocated|A91872ED|e-stats
				apnic|AU|ipv4|1.0.0.0|768|20110811|assigned|A91D2B9F|e-stats
				apnic|JP|ipv6|2001:200::|35|19990813|allocated|A91872ED|e-stats
				apnic|JP|asn|173|1|20020801|allocated|A91872ED|e-stats
				apnic||ipv4|1.1.0.0|256||reserved|
				apnic|AP|ipv4|1.2.0.0|256|20110101|allocated|x|e-stats
				""");
		IpDataReader.Tally tally = new IpDataReader.Tally();
		assertThat(IpDataReader.detect(file)).isEqualTo(new IpDataReader.Header(IpDataFormat.RIR_DELEGATED, "rir:apnic"));
		assertThat(read(file, tally)).containsExactly("1.0.16.0-1.0.31.255 JP", "1.0.0.0-1.0.2.255 AU",
				"2001:200::-2001:200:1fff:ffff:ffff:ffff:ffff:ffff JP");
		assertThat(tally.skipped).isEqualTo(1); // AP is a region, no country
		assertThat(tally.problems).singleElement().asString().startsWith("line 8");
	}

	@Test
	void ipLocationDbFilesInNumericFormAndGzipped() throws IOException {
		Path numeric = dir.resolve("asn-ipv4-num.csv");
		Files.writeString(numeric, "16777216,16777471,13335,\"Cloudflare, Inc.\"\n16778240,16779263,38803,\n");
		assertThat(IpDataReader.detect(numeric).dataset()).isEqualTo("ip-location-db:asn-ipv4");
		assertThat(read(numeric, new IpDataReader.Tally())).containsExactly("1.0.0.0-1.0.0.255 AS13335 Cloudflare, Inc.",
				"1.0.4.0-1.0.7.255 AS38803 null");

		Path gz = dir.resolve("geo-whois-asn-country-ipv6.csv.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
			out.write("2001:200::,2001:200:ffff:ffff:ffff:ffff:ffff:ffff,JP\n".getBytes(StandardCharsets.UTF_8));
		}
		IpDataReader.Header header = IpDataReader.detect(gz);
		assertThat(header).isEqualTo(new IpDataReader.Header(IpDataFormat.IP_LOCATION_DB_COUNTRY,
				"ip-location-db:geo-whois-asn-country-ipv6"));
		assertThat(read(gz, new IpDataReader.Tally())).containsExactly("2001:200::-2001:200:ffff:ffff:ffff:ffff:ffff:ffff JP");
	}

	@Test
	void refusesWhatIsNoIpData() throws IOException {
		Path empty = Files.writeString(dir.resolve("empty.csv"), "\n# only a comment\n");
		assertThatThrownBy(() -> IpDataReader.detect(empty)).hasMessageContaining("empty");
		Path other = Files.writeString(dir.resolve("people.csv"), "name,email,phone\n");
		assertThatThrownBy(() -> IpDataReader.detect(other)).hasMessageContaining("not a RIR delegated-stats file");
	}

	@Test
	void pastedUrlsGiveTheirHost() {
		assertThat(HostNames.hostOf("hxxps://user:pw@Evil-Site[.]Example:8443/path?q=1#f")).contains("evil-site.example");
		assertThat(HostNames.hostOf("www.example.nl/page")).contains("www.example.nl");
		assertThat(HostNames.hostOf("http://[2001:DB8::1]/")).contains("2001:db8::1");
		assertThat(HostNames.hostOf("2001:db8::1")).contains("2001:db8::1");
		assertThat(HostNames.hostOf("https://bücher.example/")).contains("xn--bcher-kva.example");
		assertThat(HostNames.hostOf("example.com.")).contains("example.com");
		assertThat(HostNames.hostOf("http://exa mple.com/")).isEmpty();
		assertThat(HostNames.hostOf("http://host:port/")).isEmpty();
	}

	@Test
	void aRedirectThatOnlyChangesSchemeWwwOrTrailingSlashIsTheSameResource() {
		assertThat(HttpRemovalCheck.sameResource(URI.create("http://example.nl/a/"), URI.create("https://www.example.nl/a")))
			.isTrue();
		assertThat(HttpRemovalCheck.sameResource(URI.create("http://example.nl/a?x=1"), URI.create("http://example.nl/a")))
			.isFalse();
		assertThat(HttpRemovalCheck.sameResource(URI.create("http://example.nl/a"), URI.create("http://example.nl/")))
			.isFalse();
	}

	@Test
	void nestedRangesBecomeRangesThatDoNotOverlapTheInnermostWinning() {
		List<String> out = new ArrayList<>();
		NestedRanges flat = new NestedRanges(range -> out.add(InetAddresses.toAddrString(range.start()) + "-"
				+ InetAddresses.toAddrString(range.end()) + " " + range.country()));
		for (String[] row : new String[][] { { "2.58.196.0", "2.58.197.255", "DE" }, { "2.58.197.15", "2.58.197.15", "BE" },
				{ "2.58.197.20", "2.58.197.30", "FR" }, { "2.58.197.25", "2.58.197.26", "NL" }, { "2.58.198.0", "2.58.198.255", "AT" },
				{ "2.58.198.128", "2.58.199.10", "IT" }, { "2.58.200.0", "2.58.200.15", "SE" }, { "2.58.200.0", "2.58.200.255", "FI" },
				{ "2001:db8::", "2001:db8::ff", "PL" } }) {
			flat.accept(IpRange.country(IpRange.literal(row[0]), IpRange.literal(row[1]), row[2]));
		}
		flat.finish();
		assertThat(out).containsExactly("2.58.196.0-2.58.197.14 DE", "2.58.197.15-2.58.197.15 BE",
				"2.58.197.16-2.58.197.19 DE", "2.58.197.20-2.58.197.24 FR", "2.58.197.25-2.58.197.26 NL",
				"2.58.197.27-2.58.197.30 FR", "2.58.197.31-2.58.197.255 DE", "2.58.198.0-2.58.198.127 AT",
				"2.58.198.128-2.58.199.10 IT", "2.58.200.0-2.58.200.15 SE", "2.58.200.16-2.58.200.255 FI",
				"2001:db8::-2001:db8::ff PL");
	}
}
