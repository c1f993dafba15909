package eu.eccp.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import eu.eccp.hosting.HostingLocation.ContactSource;
import eu.eccp.hosting.HostingLocation.Resolution;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.PlatformCommand;

/**
 * {@code java -jar eccp.jar ip-data import FILE...} loads RIR delegated stats and ip-location-db CSV files (the
 * excerpt shipped with the platform), and {@link HostingLookup} maps IPv4 and IPv6 addresses to country, AS
 * number and network owner, flags CDNs and names the desk from the operator's table. Boots the hosting module with
 * the modules it depends on, directly or not (contact points, notifications, correlation, indicators,
 * organisations, audit), without the web layer.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = { "eccp.data-dir=${java.io.tmpdir}/eccp-ip-data-import-tests",
		"eccp.hosting.dns.hosts[www.nl-host.example]=5.79.64.10,2001:1af8:4700::10",
		"eccp.hosting.dns.hosts[www.de-host.example]=5.9.20.30",
		"eccp.hosting.dns.hosts[v6only.de-host.example]=2a01:4f8:c0c:1::2",
		"eccp.hosting.dns.hosts[cdn-fronted.example]=104.16.132.229,2606:4700::6810:84e5",
		"eccp.hosting.dns.hosts[intranet.example]=10.1.2.3",
		"eccp.hosting.dns.hosts[unmapped.example]=198.51.100.7" })
@ActiveProfiles("test")
class IpDataImportTests {

	@TempDir
	static Path files;

	@Autowired
	List<PlatformCommand> commands;

	@Autowired
	HostingLookup lookup;

	@Autowired
	JdbcClient jdbc;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();
	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	int ipData(String... arguments) {
		out.reset();
		err.reset();
		PlatformCommand command = commands.stream().filter(c -> c.name().equals("ip-data")).findFirst().orElseThrow();
		return command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	static String excerpt(String name) throws IOException {
		Path file = files.resolve(name);
		if (!Files.exists(file)) {
			try (InputStream in = IpDataImportTests.class.getResourceAsStream("/hosting/ip-data-excerpt/" + name)) {
				Files.copy(in, file);
			}
		}
		return file.toString();
	}

	@BeforeEach
	void importTheExcerpt() throws IOException {
		List<String> arguments = new ArrayList<>(List.of("import"));
		for (String name : List.of("delegated-ripencc-extended-20261130", "delegated-arin-extended-latest",
				"geo-whois-asn-country-ipv4.csv", "geo-whois-asn-country-ipv6.csv", "asn-ipv4.csv", "asn-ipv6.csv")) {
			arguments.add(excerpt(name));
		}
		assertThat(ipData(arguments.toArray(String[]::new))).as(err.toString()).isZero();
	}

	@Test
	void importsEveryExcerptFileAndSaysWhatItRead() {
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("rir:ripencc (RIR_DELEGATED), 5 ranges imported, 0 lines skipped")
			.contains("rir:arin (RIR_DELEGATED), 3 ranges imported")
			.contains("ip-location-db:geo-whois-asn-country-ipv4 (IP_LOCATION_DB_COUNTRY), 925 ranges imported")
			.contains("ip-location-db:asn-ipv6 (IP_LOCATION_DB_ASN), 75 ranges imported");
		assertThat(jdbc.sql("SELECT count(*) FROM ip_asn_range").query(Long.class).single()).isEqualTo(89 + 75);

		assertThat(ipData("status")).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("rir:ripencc").contains("ip-location-db:asn-ipv4");
	}

	@Test
	void aRangeNestedInsideALargerOneWinsOnlyWhereItApplies() throws IOException {
		Path nested = files.resolve("nested-country-ipv4.csv");
		Files.writeString(nested, "2.58.196.0,2.58.197.255,DE\n2.58.197.15,2.58.197.15,BE\n2.58.198.0,2.58.198.255,AT\n");
		assertThat(ipData("import", nested.toString())).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 ranges imported")
			.contains("(4 ranges stored once nested ranges were split)").doesNotContain("warning");

		assertThat(lookup.locate("2.58.197.15").country()).hasToString("BE");
		assertThat(lookup.locate("2.58.197.16").country()).hasToString("DE");
		assertThat(lookup.locate("2.58.196.1").country()).hasToString("DE");
		assertThat(lookup.locate("2.58.198.9").country()).hasToString("AT");
	}

	@Test
	void reimportingADatasetReplacesItsRanges() throws IOException {
		long before = jdbc.sql("SELECT count(*) FROM ip_country_range").query(Long.class).single();
		assertThat(ipData("import", excerpt("geo-whois-asn-country-ipv4.csv"))).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM ip_country_range").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void locatesAnIpv4HostWithCountryNetworkAndOwner() {
		HostingLocation location = lookup.locate("https://WWW.NL-Host.example/some/page?x=1");

		assertThat(location.host()).isEqualTo("www.nl-host.example");
		assertThat(location.resolution()).isEqualTo(Resolution.RESOLVED);
		assertThat(location.country()).hasToString("NL");
		assertThat(location.asn()).isEqualTo(60781L);
		assertThat(location.networkOwner()).isEqualTo("LeaseWeb Netherlands B.V.");
		assertThat(location.behindCdn()).isFalse();
		assertThat(location.hostedInEu()).isTrue();
		assertThat(location.addresses()).extracting(HostingLocation.AddressLocation::address)
			.containsExactly("5.79.64.10", "2001:1af8:4700::10");
		assertThat(location.addresses().get(1).country()).hasToString("NL");
		assertThat(location.addresses().get(1).asn()).isEqualTo(60781L);
	}

	@Test
	void locatesAnIpv6OnlyHostFromTheRegistryFileAlone() {
		HostingLocation location = lookup.locate("v6only.de-host.example");

		// 2a01:4f8::/29 is in the RIPE NCC delegation (DE) but in no ip-location-db line of the excerpt
		assertThat(location.country()).hasToString("DE");
		assertThat(location.addresses()).singleElement().satisfies(address -> {
			assertThat(address.version()).isEqualTo(6);
			assertThat(address.country()).hasToString("DE");
		});
	}

	@Test
	void flagsAHostBehindACdnAndNamesItsAbuseDesk() {
		HostingLocation location = lookup.locate("hxxps://cdn-fronted[.]example/x");

		assertThat(location.behindCdn()).isTrue();
		assertThat(location.cdnName()).isEqualTo("Cloudflare");
		assertThat(location.asn()).isEqualTo(13335L);
		assertThat(location.country()).hasToString("US");
		assertThat(location.abuseEmail()).isEqualTo("abuse@cloudflare.com");
		assertThat(location.contactSource()).isEqualTo(ContactSource.CDN_LIST);
		assertThat(location.addresses()).allSatisfy(address -> assertThat(address.cdnName()).isEqualTo("Cloudflare"));
	}

	@Test
	void theOperatorsTableNamesTheAbuseDeskOfANetwork() throws IOException {
		Path table = files.resolve("contacts.csv");
		Files.writeString(table, """
				asn,name,abuse_email,organisation,note
				AS24940,Hetzner Online (test row),abuse@de-host.example.de,,from the test
				""");
		assertThat(ipData("contacts", table.toString())).as(err.toString()).isZero();

		HostingLocation location = lookup.locate("www.de-host.example");
		assertThat(location.asn()).isEqualTo(24940L);
		assertThat(location.networkOwner()).isEqualTo("Hetzner Online GmbH");
		assertThat(location.abuseEmail()).isEqualTo("abuse@de-host.example.de");
		assertThat(location.contactSource()).isEqualTo(ContactSource.OPERATOR_TABLE);
		assertThat(location.platformOrganisation()).isNull();
	}

	@Test
	void aContactsFileWithABadRowChangesNothing() throws IOException {
		Path table = files.resolve("bad-contacts.csv");
		Files.writeString(table, """
				asn,name,abuse_email
				16276,OVH (test row),abuse@ovh.example
				notanumber,Broken,abuse@broken.example
				54113,No address,
				""");
		assertThat(ipData("contacts", table.toString())).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3").contains("line 4").contains("nothing was imported");
		assertThat(jdbc.sql("SELECT count(*) FROM hosting_network_contact WHERE asn = 16276").query(Long.class).single()).isZero();
	}

	@Test
	void reservedAddressesAndUnknownNetworksGiveNoLocation() {
		HostingLocation intranet = lookup.locate("http://intranet.example/");
		assertThat(intranet.addresses()).singleElement().satisfies(address -> assertThat(address.reserved()).isTrue());
		assertThat(intranet.country()).isNull();
		assertThat(intranet.contactSource()).isEqualTo(ContactSource.NONE);

		HostingLocation unmapped = lookup.locate("unmapped.example");
		assertThat(unmapped.resolution()).isEqualTo(Resolution.RESOLVED);
		assertThat(unmapped.country()).isNull();
		assertThat(unmapped.asn()).isNull();

		HostingLocation missing = lookup.locate("no-such-host.example");
		assertThat(missing.resolution()).isEqualTo(Resolution.NO_SUCH_HOST);
		assertThat(missing.addresses()).isEmpty();
	}

	@Test
	void anAddressLiteralIsLocatedWithoutDns() {
		assertThat(lookup.locate("http://[2001:41d0::1]:8443/").country()).hasToString("FR");
		assertThat(lookup.locate("5.39.0.250").networkOwner()).isEqualTo("OVH SAS");
	}

	@Test
	void textThatIsNoHostIsRefused() {
		for (String bad : List.of("", "http://", "exa mple.com", "http://bad_host^.example/", "x".repeat(300) + ".example")) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> lookup.locate(bad))
				.isInstanceOf(InvalidRequestException.class);
		}
	}

	@Test
	void refusesAFileThatIsNoIpDataAndKeepsWhatWasImported() throws IOException {
		long before = jdbc.sql("SELECT count(*) FROM ip_country_range").query(Long.class).single();
		Path notes = files.resolve("notes.txt");
		Files.writeString(notes, "dear diary\n");
		Path mostlyBroken = files.resolve("geo-whois-asn-country-ipv4.csv.broken");
		Files.writeString(mostlyBroken, "5.9.0.0,5.9.255.255,DE\n1.2.3.4,1.2.3.1,DE\nnonsense,1.2.3.4,DE\n5.10.0.0,5.10.0.255,XX\n");

		assertThat(ipData("import", notes.toString(), mostlyBroken.toString(), files.resolve("missing.csv").toString()))
			.isEqualTo(1);

		String errors = err.toString(StandardCharsets.UTF_8);
		assertThat(errors).contains("notes.txt: not a RIR delegated-stats file")
			.contains("broken: refused: 3 of 4 lines could not be read")
			.contains("missing.csv: no such file");
		assertThat(jdbc.sql("SELECT count(*) FROM ip_country_range").query(Long.class).single()).isEqualTo(before);
		assertThat(ipData("frobnicate")).isEqualTo(2);
	}
}
