package eu.eccp.shared;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The one way the platform builds an Apache HttpClient 5 for addresses that operators or users give (feed pulls,
 * removal checks, webhook deliveries): every connection resolves its host through a {@link CheckedDnsResolver},
 * so the address checked is the address connected to; redirects are not followed, nothing is retried by the
 * client (callers have their own backoff), and no cookies, compressed answers or cached credentials are kept.
 */
public final class CheckedHttpClients {

	private CheckedHttpClients() {
	}

	/**
	 * A client whose connections resolve through {@code resolver}, with the given timeouts, at most
	 * {@code maxConnections} connections (in all and per host) and the given {@code User-Agent}.
	 */
	public static CloseableHttpClient create(CheckedDnsResolver resolver, Duration connectTimeout, Duration readTimeout,
			int maxConnections, String userAgent) {
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(resolver)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(connectTimeout))
					.setSocketTimeout(Timeout.of(readTimeout))
					.build())
				.setMaxConnTotal(maxConnections)
				.setMaxConnPerRoute(maxConnections)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(readTimeout))
				.setRedirectsEnabled(false)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableContentCompression()
			.disableAuthCaching()
			.setUserAgent(userAgent)
			.build();
	}
}
