package eu.eccp.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.Indicator;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.indicators.IndicatorType;

/** Warning lists: the built-in ones, and those an administrator adds in a directory. */
class IndicatorWarningListsTests {

	static Indicator indicator(IndicatorType type, String value) {
		return new Indicator(type, value, value, 0, false, null, Map.of());
	}

	@Test
	void builtInListsMarkReservedDocumentationResolverCommonAndEmptyValues() {
		WarningLists lists = WarningLists.builtIn();
		assertThat(lists.names()).containsExactly("reserved-ip-ranges", "documentation", "public-dns-resolvers",
				"common-domains", "empty-file-hashes");
		assertThat(lists.match(indicator(IndicatorType.IPV4, "172.31.255.255"))).isEqualTo("reserved-ip-ranges");
		assertThat(lists.match(indicator(IndicatorType.IPV4, "172.32.0.0"))).isNull();
		assertThat(lists.match(indicator(IndicatorType.IPV6, "fd12:3456::1"))).isEqualTo("reserved-ip-ranges");
		assertThat(lists.match(indicator(IndicatorType.IPV6, "2001:db8:ffff::1"))).isEqualTo("documentation");
		assertThat(lists.match(indicator(IndicatorType.CIDR, "192.168.10.0/24"))).isEqualTo("reserved-ip-ranges");
		assertThat(lists.match(indicator(IndicatorType.CIDR, "192.0.0.0/8"))).as("wider than any listed range").isNull();
		assertThat(lists.match(indicator(IndicatorType.DOMAIN, "www.example.org"))).isEqualTo("documentation");
		assertThat(lists.match(indicator(IndicatorType.DOMAIN, "example.org.evil.com"))).isNull();
		assertThat(lists.match(indicator(IndicatorType.DOMAIN, "notexample.com"))).isNull();
		assertThat(lists.match(indicator(IndicatorType.IPV4, "9.9.9.9"))).isEqualTo("public-dns-resolvers");
		assertThat(lists.match(indicator(IndicatorType.EMAIL, "someone@mail.google.com"))).isEqualTo("common-domains");
		assertThat(lists.match(indicator(IndicatorType.ASN, "AS65000"))).isEqualTo("reserved-ip-ranges");
		assertThat(lists.match(indicator(IndicatorType.ASN, "AS15169"))).isNull();
		assertThat(lists.match(indicator(IndicatorType.SHA1, "da39a3ee5e6b4b0d3255bfef95601890afd80709")))
			.isEqualTo("empty-file-hashes");
		assertThat(lists.match(indicator(IndicatorType.URL, "http://[::1]/").withDetail(Indicator.HOST, "[::1]")))
			.isEqualTo("reserved-ip-ranges");
	}

	@Test
	void anAdministratorExtendsTheListsWithFilesInADirectory(@TempDir Path directory) throws IOException {
		Files.writeString(directory.resolve("partner-infrastructure.txt"), """
				# our partners' mail relays and sites
				91.198.174.0/24
				partner-bank.eu      # and its subdomains
				*.cdn-partner.net
				AS3215-AS3216
				abuse@isp-partner.de
				""");
		Files.writeString(directory.resolve("ignored.csv"), "evil-domain.com\n");
		IndicatorExtractor extractor = IndicatorExtractor.builder().warningListDirectory(directory).build();

		List<Indicator> found = extractor.extract(
				"91.198.174.192 login.partner-bank.eu x.cdn-partner.net AS3216 abuse@isp-partner.de evil-domain.com 8.8.8.8",
				ExtractionOptions.defaults());

		assertThat(found).extracting(i -> i.value() + "=" + i.benign()).containsExactly(
				"91.198.174.192=partner-infrastructure", "login.partner-bank.eu=partner-infrastructure",
				"x.cdn-partner.net=partner-infrastructure", "AS3216=partner-infrastructure",
				"abuse@isp-partner.de=partner-infrastructure", "evil-domain.com=null", "8.8.8.8=public-dns-resolvers");
	}

	@Test
	void aListWithAnUnreadableEntryIsRefusedWithItsLine(@TempDir Path directory) throws IOException {
		Files.writeString(directory.resolve("broken.txt"), "10.0.0.0/8\nnot an entry!\n");
		assertThatThrownBy(() -> WarningLists.load(directory)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("broken, line 2");
	}

	@Test
	void aMissingDirectoryIsRefused(@TempDir Path directory) {
		assertThatThrownBy(() -> WarningLists.load(directory.resolve("nope"))).isInstanceOf(IllegalArgumentException.class);
	}
}
