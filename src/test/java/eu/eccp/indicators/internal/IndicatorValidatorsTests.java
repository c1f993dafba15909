package eu.eccp.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One validator or canonicaliser at a time, against published test vectors where there are some. */
class IndicatorValidatorsTests {

	// ---------------------------------------------------------------- IBAN and BIC

	@ParameterizedTest
	@ValueSource(strings = { "DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606",
			"NL91ABNA0417164300", "BE68539007547034", "NO9386011117947", "MT84MALT011000012345MTLCAST001S",
			"CH9300762011623852957", "SA0380000000608010167519", "LC55HEMM000100010012001200023015" })
	void acceptsIbansWithTheirCountrysLengthAndAValidChecksum(String iban) {
		assertThat(BankIdentifiers.isValidIban(iban)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "DE89370400440532013001", "DE8937040044053201300", "DE893704004405320130000",
			"XX89370400440532013000", "US64SVBKUS6S3300958879", "DE00370400440532013000", "DE01370400440532013000",
			"DE99370400440532013000", "DE8937040044053201300a", "GB82WEST1234569876543!" })
	void rejectsIbansWithAWrongChecksumLengthOrCountry(String iban) {
		assertThat(BankIdentifiers.isValidIban(iban)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "DEUTDEFF,true", "DEUTDEFF500,true", "NEDSZAJJXXX,true", "BNPAFRPP,true", "DEUTXXFF,false",
			"DEU1DEFF,false", "DEUTDEF,false", "DEUTDEFF50,false", "deutdeff,false", "DEUTDEFF5_0,false" })
	void checksTheShapeAndCountryOfBics(String bic, boolean valid) {
		assertThat(BankIdentifiers.isValidBic(bic)).isEqualTo(valid);
	}

	// ---------------------------------------------------------------- crypto-currencies

	@ParameterizedTest
	@CsvSource({ "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2,p2pkh", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy,p2sh",
			"1111111111111111111114oLvT2,p2pkh",
			// BIP-173 and BIP-350 mainnet test vectors (the v2 one made with the BIPs' reference encoder)
			"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4,p2wpkh",
			"bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3,p2wsh",
			"bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y,segwit-v1",
			"BC1SW50QGDZ25J,segwit-v16",
			"bc1zqqqsyqcyq5rqwzqfpg9scrgwpueg4w7z,segwit-v2",
			"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0,p2tr" })
	void recognisesBitcoinAddressesAndTheirKind(String address, String kind) {
		assertThat(CryptoAddresses.bitcoinType(address)).isEqualTo(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0",
			"2BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
			// BIP-350 invalid vectors: bech32m for v0, bech32 for v1, bad version, bad length, mixed case
			"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
			"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
			"BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", "bc1pw5dgrnzv",
			"bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
			"tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx" })
	void rejectsInvalidBitcoinAddresses(String address) {
		assertThat(CryptoAddresses.bitcoinType(address)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
			"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb" })
	void computesAndChecksEip55Checksums(String checksummed) {
		assertThat(CryptoAddresses.eip55(checksummed.substring(2).toLowerCase())).isEqualTo(checksummed);
		assertThat(CryptoAddresses.isEthereum(checksummed)).isTrue();
		assertThat(CryptoAddresses.isEthereum(checksummed.toLowerCase())).isTrue();
		String wrongCase = checksummed.substring(0, 41) + flipCase(checksummed.charAt(41));
		assertThat(CryptoAddresses.isEthereum(wrongCase)).isEqualTo(wrongCase.equals(checksummed));
	}

	private static String flipCase(char c) {
		return String.valueOf(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
	}

	@Test
	void rejectsEthereumAddressesOfTheWrongShape() {
		assertThat(CryptoAddresses.isEthereum("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae")).isFalse();
		assertThat(CryptoAddresses.isEthereum("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg")).isFalse();
		assertThat(CryptoAddresses.isEthereum("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00")).isFalse();
	}

	@Test
	void checksTheVersionAndChecksumOfOnionV3Addresses() {
		String torProject = "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid";
		assertThat(Onions.isValidV3(torProject)).isTrue();
		assertThat(Onions.isValidV3(torProject.toUpperCase())).isTrue();
		assertThat(Onions.isValidV3(torProject.substring(0, 55) + "c")).isFalse();
		assertThat(Onions.isValidV3(torProject.substring(1))).isFalse();
		assertThat(Onions.isValidV3("expyuzz4wqqyqhjn")).isFalse();
		assertThat(Onions.canonical("WWW." + torProject.toUpperCase() + ".ONION.")).isEqualTo("www." + torProject + ".onion");
		assertThat(Onions.canonical("bad_label." + torProject + ".onion")).isNull();
	}

	// ---------------------------------------------------------------- payment cards

	@Test
	void validatesMasksAndHashesCardNumbers() {
		assertThat(PaymentCards.luhn("79927398713")).isTrue();
		assertThat(PaymentCards.luhn("79927398710")).isFalse();
		assertThat(PaymentCards.isValid("4111111111111111")).isTrue();
		assertThat(PaymentCards.isValid("4111111111111112")).isFalse();
		assertThat(PaymentCards.isValid("9111111111111115")).as("no issuer starts with 9").isFalse();
		assertThat(PaymentCards.brand("378282246310005")).isEqualTo("amex");
		assertThat(PaymentCards.brand("5555555555554444")).isEqualTo("mastercard");
		assertThat(PaymentCards.brand("2223003122003222")).isEqualTo("mastercard");
		assertThat(PaymentCards.mask("4111111111111111")).isEqualTo("4111********1111");
		assertThat(PaymentCards.maskWritten("4111 1111-1111 1111")).isEqualTo("4111 ****-**** 1111");
		// RFC 4231-style known answer: HMAC-SHA256 with key "key"
		assertThat(PaymentCards.keyedHash("The quick brown fox jumps over the lazy dog",
				"key".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
	}

	// ---------------------------------------------------------------- phone numbers

	@Test
	void parsesPhoneNumbersIntoE164WithTheDefaultRegion() {
		assertThat(PhoneNumbers.parse("06 12 34 56 78", "FR")).isEqualTo(new PhoneNumbers.Phone("+33612345678", "FR", "MOBILE"));
		assertThat(PhoneNumbers.parse("0049 30 901820", "FR").e164()).isEqualTo("+4930901820");
		assertThat(PhoneNumbers.parse("+1 415-555-2671", null).region()).isEqualTo("US");
		assertThat(PhoneNumbers.parse("06 12 34 56 78", null)).as("national without a region").isNull();
		assertThat(PhoneNumbers.parse("+33 1", null)).isNull();
		assertThat(PhoneNumbers.isSupportedRegion("fr")).isTrue();
		assertThat(PhoneNumbers.isSupportedRegion("ZZ")).isFalse();
	}

	// ---------------------------------------------------------------- IP addresses

	@ParameterizedTest
	@CsvSource({ "2001:db8:0:0:0:0:2:1,2001:db8::2:1", "2001:db8:0000:1:1:1:1:1,2001:db8:0:1:1:1:1:1",
			"2001:db8:0:0:1:0:0:1,2001:db8::1:0:0:1", "2001:DB8::1,2001:db8::1", "0:0:0:0:0:0:0:0,::",
			"0:0:0:0:0:0:0:1,::1", "1:0:0:0:0:0:0:0,1::", "::ffff:c000:280,::ffff:192.0.2.128",
			"64:ff9b::192.0.2.33,64:ff9b::c000:221", "2001:0:0:1:0:0:0:1,2001:0:0:1::1" })
	void writesIpv6AddressesInRfc5952Form(String written, String canonical) {
		assertThat(IpAddresses.formatIpv6(IpAddresses.parseIpv6(written))).isEqualTo(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", ":1:2:3:4:5:6:7", "1:",
			"::ffff:1.2.3", "::1.2.3.4.5", "g::1", "1:2:3:4:5:6:7:1.2.3.4" })
	void rejectsMalformedIpv6Addresses(String written) {
		assertThat(IpAddresses.parseIpv6(written)).isNull();
	}

	@Test
	void readsIpv4StrictlyInTextAndAsBrowsersDoInUrls() {
		assertThat(IpAddresses.parseIpv4("192.168.001.010")).isEqualTo(0xC0A8010AL);
		assertThat(IpAddresses.parseIpv4("01.2.3.4")).isEqualTo(-1);
		assertThat(IpAddresses.parseIpv4("1.2.3.256")).isEqualTo(-1);
		assertThat(IpAddresses.parseIpv4("1.2.3.4.")).isEqualTo(-1);
		assertThat(IpAddresses.formatIpv4(IpAddresses.parseUrlIpv4("3232235777"))).isEqualTo("192.168.1.1");
		assertThat(IpAddresses.formatIpv4(IpAddresses.parseUrlIpv4("0xC0.0250.1.1"))).isEqualTo("192.168.1.1");
		assertThat(IpAddresses.formatIpv4(IpAddresses.parseUrlIpv4("192.168.257"))).isEqualTo("192.168.1.1");
		assertThat(IpAddresses.parseUrlIpv4("1.2.3.4.5")).isEqualTo(-1);
		assertThat(IpAddresses.parseUrlIpv4("4294967296")).isEqualTo(-1);
		assertThat(IpAddresses.formatIpv4(IpAddresses.ipv4Value(IpAddresses.network(IpAddresses.ipv4Bytes(
				IpAddresses.parseIpv4("185.220.101.77")), 20)))).isEqualTo("185.220.96.0");
	}

	// ---------------------------------------------------------------- domain names and URLs

	@Test
	void validatesDomainsAgainstThePublicSuffixList() {
		assertThat(DomainNames.parse("Sub.Example.CO.UK").registeredDomain()).isEqualTo("example.co.uk");
		assertThat(DomainNames.parse("foo.blogspot.com").registeredDomain()).isEqualTo("blogspot.com");
		assertThat(DomainNames.parse("co.uk")).isNull();
		assertThat(DomainNames.parse("invoice.pdf")).isNull();
		assertThat(DomainNames.parse("a..com")).isNull();
		assertThat(DomainNames.parse("-a.com")).isNull();
		assertThat(DomainNames.parse("a_b.com")).isNull();
		assertThat(DomainNames.parse("x".repeat(64) + ".com")).isNull();
		assertThat(DomainNames.parse("bücher.de").ascii()).isEqualTo("xn--bcher-kva.de");
		assertThat(DomainNames.parse("xn--bcher-kva.de").unicode()).isEqualTo("bücher.de");
	}

	@Test
	void aMemoOfDomainNamesAnswersAsTheirParserForNamesSeenAgainAndPastItsLimit() {
		DomainNames.Memo memo = new DomainNames.Memo();
		List<String> names = List.of("Sub.Example.CO.UK", "co.uk", "invoice.pdf", "bücher.de", "xn--bcher-kva.de",
				"пример.рф", "a_b.com", "o_o.example.nl");
		for (int round = 0; round < 2; round++) {
			for (String name : names) {
				assertThat(memo.parse(name)).as(name).isEqualTo(DomainNames.parse(name));
			}
		}
		for (int i = 0; i <= DomainNames.Memo.LIMIT; i++) {
			assertThat(memo.parse("host" + i + ".example.org").registeredDomain()).isEqualTo("example.org");
		}
		for (String name : names) {
			assertThat(memo.parse(name)).as(name).isEqualTo(DomainNames.parse(name));
		}
	}

	@Test
	void flagsMixedScriptAndWholeScriptHomographs() {
		assertThat(DomainNames.isHomograph("pаypal.com")).as("Latin with a Cyrillic a").isTrue();
		assertThat(DomainNames.isHomograph("аррӏе.com")).as("all Cyrillic look-alikes under .com").isTrue();
		assertThat(DomainNames.isHomograph("пример.рф")).as("Cyrillic name under a Cyrillic TLD").isFalse();
		assertThat(DomainNames.isHomograph("bücher.de")).isFalse();
		assertThat(DomainNames.isHomograph("ソニーstore.jp")).as("Katakana with Latin, as Japanese names do").isFalse();
		assertThat(DomainNames.isHomograph("ελληνικά.gr")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "HTTP|Example.COM:80/a/./b/../c#top|http://example.com/a/c",
			"https|example.com:443|https://example.com/", "https|example.com:8443/x|https://example.com:8443/x",
			"http|example.com/%7Euser/%2e%2E/x|http://example.com/x", "http|example.com/a%2fb|http://example.com/a%2Fb",
			"http|example.com/a?q=%e2%82%ac&&x|http://example.com/a?q=%E2%82%AC&&x",
			"http|example.com/café|http://example.com/caf%C3%A9", "http|example.com/a?|http://example.com/a",
			"http|example.com/100%|http://example.com/100%25", "http|example.com/x.|http://example.com/x%2E",
			"http|[2001:DB8::0:1]:80/|http://[2001:db8::1]/", "http|0x7f.1/|http://127.0.0.1/",
			"http|bücher.de/|http://xn--bcher-kva.de/", "http|a@b@example.com/|http://a%40b@example.com/",
			"http|example.com\\path|http://example.com/path" })
	void putsUrlsIntoCanonicalForm(String scheme, String rest, String canonical) {
		Urls.Url url = Urls.canonical(scheme, rest);
		assertThat(url).isNotNull();
		assertThat(url.value()).isEqualTo(canonical);
		String again = url.value().substring(url.value().indexOf("://") + 3);
		assertThat(Urls.canonical(url.value().substring(0, url.value().indexOf(':')), again).value())
			.as("canonical form is stable").isEqualTo(canonical);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "http|localhost/", "http|example.invalidtld/", "http|example.com:0/",
			"http|example.com:65536/", "http|example.com:8x/", "gopher|example.com/", "http|[::1/",
			"http|1.2.3.4.5/", "http|/path" })
	void rejectsUrlsWithoutAUsableHostOrPort(String scheme, String rest) {
		assertThat(Urls.canonical(scheme, rest)).isNull();
	}

	// ---------------------------------------------------------------- refanging

	@Test
	void refangsAndMapsEveryCharacterBackToTheInput() {
		String input = "hxxps[://]evil[.]example(dot)com (at) !";
		PreparedText refanged = Refanger.refang(PreparedText.of(input));
		String text = new String(refanged.chars, 0, refanged.length);
		assertThat(text).as("(at) counts only between words").isEqualTo("https://evil.example.com (at) !");
		int dot = text.indexOf(".example");
		assertThat(refanged.source(dot)).isEqualTo(input.indexOf("[.]"));
		assertThat(refanged.sourceEnd(dot)).isEqualTo(input.indexOf("[.]") + 3);
		assertThat(refanged.defanged(0, 5)).isTrue();
		assertThat(refanged.defanged(text.indexOf("(at)"), text.length())).isFalse();
	}

	@Test
	void leavesTextWithoutDefangedFormsUntouched() {
		PreparedText plain = PreparedText.of("see (a) [b] {c} hx dot");
		assertThat(Refanger.refang(plain)).isSameAs(plain);
	}
}
