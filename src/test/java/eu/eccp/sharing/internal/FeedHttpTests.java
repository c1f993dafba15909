package eu.eccp.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The feed client connects only to addresses it checked: a host that resolves to a public address when a source is
 * registered and to a private one when the pull connects (DNS rebinding) is refused at the connection, as is a literal
 * private address; answers are bounded.
 */
class FeedHttpTests {

	static FeedProperties properties(boolean allowPrivate) {
		return new FeedProperties(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1),
				Duration.ofSeconds(2), Duration.ofSeconds(2), true, allowPrivate, null, DataSize.ofKilobytes(4), 10);
	}

	@Test
	void aHostThatResolvesToAPrivateAddressAtConnectionTimeIsRefused() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		FeedHttp http = new FeedHttp(properties(false), host -> {
			lookups.incrementAndGet();
			return new InetAddress[] { InetAddress.getByName("127.0.0.1") }; // what a rebinding name answers the second time
		});
		try {
			assertThatThrownBy(() -> http.get("http://rebound.example.org:1/taxii2/", "*/*", "Bearer x"))
				.isInstanceOf(FeedHttp.Failed.class).hasMessageContaining("not acceptable");
			assertThat(lookups).as("the connection used the resolver it checked").hasValue(1);
		}
		finally {
			http.destroy();
		}
	}

	@Test
	void aLiteralPrivateAddressIsRefusedWithoutConnecting() throws Exception {
		FeedHttp http = new FeedHttp(properties(false), host -> {
			throw new AssertionError("a literal address needs no lookup");
		});
		try {
			assertThatThrownBy(() -> http.get("http://169.254.169.254/latest/meta-data/", "*/*", null))
				.isInstanceOf(FeedHttp.Failed.class).hasMessageContaining("not acceptable");
		}
		finally {
			http.destroy();
		}
	}

	@Test
	void anAnswerLargerThanTheLimitEndsWithAnError() {
		FeedHttp.Bounded bounded = new FeedHttp.Bounded(new ByteArrayInputStream(new byte[5000]), 4096);
		assertThatThrownBy(bounded::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("max-response-size");
	}
}
