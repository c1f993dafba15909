package eu.eccp.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A MISP feed's values and {@code hashes.csv} follow MISP's own rules (its {@code AttributeValidationTool} for how an
 * attribute's value is stored, its {@code Feed} model for the hashes it keeps per attribute), so a MISP instance that
 * caches the feed from {@code hashes.csv} finds the same values as from the event files, and its own attributes
 * correlate with them.
 */
class MispFormatTests {

	@Test
	void writesValuesAsMispStoresThem() {
		assertThat(MispFormat.value("email-src", "Mule.Account@Mail-Provider.net")).isEqualTo("mule.account@mail-provider.net");
		assertThat(MispFormat.value("domain", ".Bad-Site.NET.")).isEqualTo("bad-site.net");
		assertThat(MispFormat.value("ip-dst", "192.0.2.7/32")).as("a one-address range is the address").isEqualTo("192.0.2.7");
		assertThat(MispFormat.value("ip-dst", "2001:db8::1/128")).isEqualTo("2001:db8::1");
		assertThat(MispFormat.value("ip-dst", "192.0.2.0/24")).isEqualTo("192.0.2.0/24");
		assertThat(MispFormat.value("iban", "fr76 3000 6000 0112 3456 7890 189")).isEqualTo("FR7630006000011234567890189");
		assertThat(MispFormat.value("phone-number", "0033 (0)6 12-34-56-78")).isEqualTo("+33612345678");
		assertThat(MispFormat.value("AS", "AS64500")).isEqualTo("64500");
		assertThat(MispFormat.value("sha256", "ABCDEF")).isEqualTo("abcdef");
		assertThat(MispFormat.value("url", "https://Bad-Site.net/Login")).as("MISP keeps a URL as written")
			.isEqualTo("https://Bad-Site.net/Login");
	}

	@Test
	void hashesEachValueMispCorrelatesWithMd5() {
		assertThat(MispFormat.hashes("url", "https://bad-site.net/login"))
			.containsExactly(MispFormat.md5("https://bad-site.net/login"));
		// lower-case hex of the UTF-8 bytes, as PHP's md5() (RFC 1321's test vector)
		assertThat(MispFormat.md5("abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
		assertThat(MispFormat.hashes("domain|ip", "bad-site.net|192.0.2.7"))
			.as("both halves of a composite value").containsExactly(MispFormat.md5("bad-site.net"), MispFormat.md5("192.0.2.7"));
		assertThat(MispFormat.hashes("ip-dst|port", "192.0.2.7|443")).as("only the address of an address and port")
			.containsExactly(MispFormat.md5("192.0.2.7"));
		assertThat(MispFormat.hashes("comment", "seen twice")).as("MISP does not correlate comments").isEmpty();
		assertThat(MispFormat.hashes("text", "4f1c0e")).as("pseudonyms are text, which MISP correlates")
			.containsExactly(MispFormat.md5("4f1c0e"));
	}
}
