package eu.eccp.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.eccp.shared.InvalidRequestException;

/** Which endpoint URLs are accepted, with and without {@code allow-http}; and the backoff schedule. */
class WebhookUrlTests {

	static NotificationsProperties.Webhooks options(boolean allowHttp) {
		return new NotificationsProperties.Webhooks(allowHttp, allowHttp, 6, Duration.ofSeconds(30), Duration.ofHours(6),
				Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5), 20);
	}

	static WebhookEndpoints endpoints(boolean allowHttp) {
		return new WebhookEndpoints(null, null, null, new NotificationsProperties("no-reply@eccp.invalid", options(allowHttp)), null);
	}

	static String refusal(WebhookEndpoints endpoints, String url) {
		try {
			endpoints.url(url);
			return null;
		}
		catch (InvalidRequestException e) {
			return e.fieldErrors().get("url");
		}
	}

	@Test
	void refusesPlainHttpUnlessAllowed() {
		assertThat(refusal(endpoints(false), "http://tickets.example.net/eccp")).isEqualTo("validation.webhookUrlHttps");
		assertThat(refusal(endpoints(true), "http://127.0.0.1:8089/hook")).isNull();
		assertThat(endpoints(false).url(" https://tickets.example.net/eccp?x=1 ")).isEqualTo("https://tickets.example.net/eccp?x=1");
	}

	@Test
	void refusesLocalAndPrivateAddressesUnlessAllowed() {
		WebhookEndpoints endpoints = endpoints(false);
		for (String url : List.of("https://localhost/x", "https://127.0.0.1/x", "https://10.1.2.3/x", "https://192.168.0.10/x",
				"https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://[fd00::1]/x", "https://0.0.0.0/x")) {
			assertThat(refusal(endpoints, url)).as(url).isEqualTo("validation.webhookUrlPrivate");
		}
		assertThat(refusal(endpoints, "https://203.0.113.7/hook")).isNull();
		assertThat(refusal(endpoints(true), "https://127.0.0.1/x")).isNull();
	}

	@Test
	void refusesCredentialsOtherSchemesAndRelativeUrls() {
		WebhookEndpoints endpoints = endpoints(true);
		assertThat(refusal(endpoints, "https://isp:secret@tickets.example.net/")).isEqualTo("validation.webhookUrlCredentials");
		assertThat(refusal(endpoints, "ftp://tickets.example.net/")).isEqualTo("validation.webhookUrlHttps");
		assertThat(refusal(endpoints, "javascript:alert(1)")).isEqualTo("validation.webhookUrl");
		assertThat(refusal(endpoints, "//tickets.example.net/")).isEqualTo("validation.webhookUrl");
		assertThatThrownBy(() -> endpoints.url(null)).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void backsOffExponentiallyUpToTheMaximum() {
		NotificationsProperties.Webhooks options = options(false);
		assertThat(List.of(1, 2, 3, 4).stream().map(options::backoff).toList())
			.containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240));
		assertThat(options.backoff(20)).isEqualTo(Duration.ofHours(6));
	}

	@Test
	void subscribesToExactTopicsOrPrefixesAndRefusesOthers() {
		assertThat(Topics.matches(List.of(), "hit.found")).isTrue();
		assertThat(Topics.matches(List.of("request.*"), "request.escalated")).isTrue();
		assertThat(Topics.matches(List.of("request.*"), "requests.escalated")).isFalse();
		assertThat(Topics.matches(List.of("hit.found"), "hit.found")).isTrue();
		assertThat(Topics.matches(List.of("hit.found"), "case.invitation")).isFalse();
		assertThat(Topics.parse(List.of("request.*, hit.found", "case.invitation"), "topics"))
			.containsExactly("request.*", "hit.found", "case.invitation");
		for (String bad : List.of("Bad Topic", "request", "request.", "*", "request.*.x", "REQUEST.RECEIVED")) {
			assertThatThrownBy(() -> Topics.parse(List.of(bad), "topics")).as(bad).isInstanceOf(InvalidRequestException.class);
		}
	}
}
