package eu.eccp.blocklist.isp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The canonicalisation test vectors. Those marked SB are Google Safe Browsing's published vectors (v4
 * "URL canonicalization"), which this canonicalisation follows; the others pin down this platform's
 * additions (IDN, IPv6, user information). docs/blocklist.md lists them too.
 */
class UrlCanonicalizerTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			http://host/%25%32%35 | http://host/%25
			http://host/%25%32%35%25%32%35 | http://host/%25%25
			http://host/%2525252525252525 | http://host/%25
			http://host/asdf%25%32%35asd | http://host/asdf%25asd
			http://host/%%%25%32%35asd%% | http://host/%25%25%25asd%25%25
			http://www.google.com/ | http://www.google.com/
			http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/ | http://168.188.99.26/.secure/www.ebay.com/
			http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/ | http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/
			http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B | http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+
			http://3279880203/blah | http://195.127.0.11/blah
			http://www.google.com/blah/.. | http://www.google.com/
			www.google.com/ | http://www.google.com/
			www.google.com | http://www.google.com/
			http://www.evil.com/blah#frag | http://www.evil.com/blah
			http://www.GOOgle.com/ | http://www.google.com/
			http://www.google.com.../ | http://www.google.com/
			http://www.google.com/q? | http://www.google.com/q?
			http://www.google.com/q?r? | http://www.google.com/q?r?
			http://www.google.com/q?r?s | http://www.google.com/q?r?s
			http://evil.com/foo#bar#baz | http://evil.com/foo
			http://evil.com/foo; | http://evil.com/foo;
			http://evil.com/foo?bar; | http://evil.com/foo?bar;
			http://%01%80.com/ | http://%01%80.com/
			http://notrailingslash.com | http://notrailingslash.com/
			http://www.gotaport.com:1234/ | http://www.gotaport.com/
			'  http://www.google.com/  ' | http://www.google.com/
			http:// leadingspace.com/ | http://%20leadingspace.com/
			http://%20leadingspace.com/ | http://%20leadingspace.com/
			%20leadingspace.com/ | http://%20leadingspace.com/
			https://www.securesite.com/ | https://www.securesite.com/
			http://host.com/ab%23cd | http://host.com/ab%23cd
			http://host.com//twoslashes?more//slashes | http://host.com/twoslashes?more//slashes
			HTTP://Example.COM:80/A/b | http://example.com/A/b
			https://example.com:443/a | https://example.com/a
			http://user:secret@example.com/a | http://example.com/a
			http://example.com./a/./b/../c | http://example.com/a/c
			http://0x7f.1/ | http://127.0.0.1/
			http://0300.0250.0.1/ | http://192.168.0.1/
			http://[2001:DB8::1]:8080/x | http://[2001:db8::1]/x
			http://bücher.example/ | http://xn--bcher-kva.example/
			http://example.com/caf%C3%A9 | http://example.com/caf%C3%A9
			http://example.com/café | http://example.com/caf%C3%A9
			http://example.com/a%2Fb | http://example.com/a/b
			""")
	void canonicalisesLikeSafeBrowsing(String input, String canonical) {
		assertThat(UrlCanonicalizer.canonicalize(input)).hasToString(canonical);
	}

	@org.junit.jupiter.api.Test
	void removesTabsAndLineBreaks() {
		assertThat(UrlCanonicalizer.canonicalize("http://www.google.com/foo\tbar\rbaz\n2"))
			.hasToString("http://www.google.com/foobarbaz2");
	}

	@org.junit.jupiter.api.Test
	void deeplyNestedEscapesTakeLinearTime() {
		String url = "http://host/%" + "25".repeat(4000) + "41";
		assertThat(UrlCanonicalizer.canonicalize(url)).hasToString("http://host/A");
	}
}
