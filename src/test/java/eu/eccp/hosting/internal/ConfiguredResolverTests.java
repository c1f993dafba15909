package eu.eccp.hosting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.common.net.InetAddresses;

/**
 * Host names resolve through the resolver the operator configures: a fixed table first, then the DNS servers
 * named (here a DNS server on loopback), never the system's when {@code fixed-only} is set.
 */
class ConfiguredResolverTests {

	static HostingProperties properties(List<String> servers, Map<String, List<String>> hosts, boolean fixedOnly) {
		return new HostingProperties(new HostingProperties.Dns(servers, Duration.ofSeconds(2), hosts, fixedOnly),
				new HostingProperties.Probe(2, 100, Duration.ofSeconds(2), Duration.ofSeconds(2), 5, "test", List.of()), null,
				false);
	}

	static List<String> texts(List<InetAddress> addresses) {
		return addresses.stream().map(InetAddresses::toAddrString).toList();
	}

	@Test
	void asksTheConfiguredServerForIpv4AndIpv6Addresses() throws Exception {
		try (LoopbackDnsServer dns = new LoopbackDnsServer()) {
			dns.answer("www.example-host.nl", "2001:1af8:4700:a110::10", "5.79.64.10");
			ConfiguredResolver resolver = new ConfiguredResolver(properties(List.of(dns.address()), Map.of(), false));

			HostResolver.Answer answer = resolver.resolve("WWW.Example-Host.NL.");

			assertThat(answer.status()).isEqualTo(HostResolver.Status.RESOLVED);
			assertThat(texts(answer.addresses())).containsExactly("5.79.64.10", "2001:1af8:4700:a110::10");
			assertThat(dns.questions.get()).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void tellsANameThatDoesNotExistFromAResolverThatFails() throws Exception {
		try (LoopbackDnsServer dns = new LoopbackDnsServer()) {
			dns.fail("broken.example");
			ConfiguredResolver resolver = new ConfiguredResolver(properties(List.of(dns.address()), Map.of(), false));

			assertThat(resolver.resolve("gone.example").status()).isEqualTo(HostResolver.Status.NO_SUCH_HOST);
			assertThat(resolver.resolve("broken.example").status()).isEqualTo(HostResolver.Status.FAILED);
			assertThatThrownBy(() -> resolver.addressesOrThrow("broken.example"))
				.isInstanceOf(ConfiguredResolver.ResolverFailedException.class);
		}
	}

	@Test
	void theFixedTableAnswersBeforeDnsAndFixedOnlyNeverAsksDns() throws Exception {
		try (LoopbackDnsServer dns = new LoopbackDnsServer()) {
			dns.answer("pinned.example", "198.51.100.1");
			ConfiguredResolver withServer = new ConfiguredResolver(
					properties(List.of(dns.address()), Map.of("pinned.example", List.of("5.9.1.1")), false));
			assertThat(texts(withServer.resolve("pinned.example").addresses())).containsExactly("5.9.1.1");
			assertThat(dns.questions.get()).isZero();

			ConfiguredResolver fixedOnly = new ConfiguredResolver(
					properties(List.of(), Map.of("pinned.example", List.of("5.9.1.1,2a01:4f8::1")), true));
			assertThat(texts(fixedOnly.resolve("pinned.example").addresses())).containsExactly("5.9.1.1", "2a01:4f8::1");
			assertThat(fixedOnly.resolve("elsewhere.example").status()).isEqualTo(HostResolver.Status.NO_SUCH_HOST);
		}
	}

	@Test
	void anAddressLiteralResolvesToItself() {
		ConfiguredResolver resolver = new ConfiguredResolver(properties(List.of(), Map.of(), true));
		assertThat(texts(resolver.resolve("[2606:4700::6810:1]").addresses())).containsExactly("2606:4700::6810:1");
		assertThat(texts(resolver.resolve("104.16.1.1").addresses())).containsExactly("104.16.1.1");
	}

	@Test
	void refusesAServerThatIsNoAddress() {
		assertThatThrownBy(() -> new ConfiguredResolver(properties(List.of("dns.example"), Map.of(), false)))
			.hasMessageContaining("eccp.hosting.dns.servers");
	}
}
