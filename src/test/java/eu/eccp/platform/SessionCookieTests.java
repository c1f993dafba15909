package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The session cookie is marked {@code Secure} whenever the browser's request came over HTTPS, also when a
 * TLS-terminating proxy forwards it as plain HTTP with {@code X-Forwarded-Proto: https}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionCookieTests {

	@LocalServerPort
	int port;

	List<String> sessionCookies(String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"));
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
	}

	@Test
	void theSessionCookieIsSecureBehindATlsProxy() throws Exception {
		assertThat(sessionCookies("https")).singleElement().satisfies(cookie -> assertThat(cookie)
			.containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
	}

	@Test
	void theSessionCookieOfAPlainHttpRequestIsNotMarkedSecure() throws Exception {
		assertThat(sessionCookies(null)).singleElement()
			.satisfies(cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
	}
}
