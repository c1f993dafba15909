package eu.eccp.blocklist.isp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Safe Browsing's host-suffix / path-prefix examples, and the matcher agreeing with them expression by expression. */
class UrlExpressionsTests {

	@Test
	void formsSafeBrowsingsExpressionsForAPathWithAQuery() {
		assertThat(UrlExpressions.of("http://a.b.c/1/2.html?param=1")).containsExactlyInAnyOrder(
				"a.b.c/1/2.html?param=1", "a.b.c/1/2.html", "a.b.c/", "a.b.c/1/",
				"b.c/1/2.html?param=1", "b.c/1/2.html", "b.c/", "b.c/1/");
	}

	@Test
	void triesAtMostFiveHostsAndFourPrefixes() {
		assertThat(UrlExpressions.of("http://a.b.c.d.e.f.g/1.html")).containsExactlyInAnyOrder(
				"a.b.c.d.e.f.g/1.html", "a.b.c.d.e.f.g/", "c.d.e.f.g/1.html", "c.d.e.f.g/", "d.e.f.g/1.html",
				"d.e.f.g/", "e.f.g/1.html", "e.f.g/", "f.g/1.html", "f.g/");
		assertThat(UrlExpressions.of("http://1.2.3.4/1/")).containsExactlyInAnyOrder("1.2.3.4/1/", "1.2.3.4/");
		assertThat(UrlExpressions.of("http://x.y/1/2/3/4/5/6.html")).contains("x.y/1/2/3/")
			.doesNotContain("x.y/1/2/3/4/");
	}

	@Test
	void tellsPrefixExpressionsFromExactOnes() {
		assertThat(UrlExpressions.isPrefix("evil.example/")).isTrue();
		assertThat(UrlExpressions.isPrefix("host.example/a/b/c/")).isTrue();
		assertThat(UrlExpressions.isPrefix("host.example/a/b/c/d/")).isFalse();
		assertThat(UrlExpressions.isPrefix("host.example/a/b.html")).isFalse();
	}

	@Test
	void matcherProbesExactlyTheDocumentedExpressions() {
		for (String url : List.of("http://a.b.c/1/2.html?param=1", "http://a.b.c.d.e.f.g/1.html", "http://1.2.3.4/1/",
				"http://x.y/1/2/3/4/5/6.html?q", "http://www.example.co.uk/", "http://localhost/a/b/")) {
			for (String expression : UrlExpressions.of(url)) {
				HashedBlockList one = HashedBlockList.of(new byte[][] { ExpressionHash.of(expression) }, new long[] { 7 },
						new int[] { ExpressionHash.hostKey(expression) });
				assertThat(new UrlMatcher(one).check(url)).as(url + " under " + expression).isEqualTo(7);
			}
		}
	}
}
