package eu.eccp.notifications.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import eu.eccp.shared.CheckedDnsResolver;
import eu.eccp.shared.CheckedHttpClients;

/**
 * Posts a webhook delivery's JSON to its endpoint with Apache HttpClient 5, as feed pulls and removal checks do.
 * Unless {@code allow-private-addresses} is set, it connects only to addresses it checked: the host is resolved once,
 * by the connection itself ({@link CheckedDnsResolver}), and refused when one of its addresses is private or
 * reserved, so a name that resolved to a public address when the endpoint was registered and resolves to a private
 * one at delivery (DNS rebinding) reaches nothing; a literal address is checked there too, without a lookup. Redirects are not
 * followed, nothing is retried here (the worker's backoff does that), no cookies are kept.
 */
final class WebhookSender implements Closeable {

	/** Refused because the host resolves to an address the platform may not call. */
	static final class PrivateAddressRefused extends UnknownHostException {
		PrivateAddressRefused(String host) {
			super("refused: the host resolves to a private or local address");
		}
	}

	private final NotificationsProperties.Webhooks options;
	private final CloseableHttpClient http;

	WebhookSender(NotificationsProperties.Webhooks options, CheckedDnsResolver.Lookup lookup) {
		this.options = options;
		// the worker's two sending threads and its scheduled run
		this.http = CheckedHttpClients.create(new CheckedDnsResolver(lookup, this::refused, PrivateAddressRefused::new),
				options.connectTimeout(), options.readTimeout(), 3, "ECCP-Webhooks/1");
	}

	private boolean refused(InetAddress address) {
		return !options.allowPrivateAddresses() && NotificationsProperties.Webhooks.isPrivate(address);
	}

	/**
	 * Posts {@code payload} ({@code application/json}) with the given headers; returns the status code of the answer.
	 *
	 * @throws PrivateAddressRefused when the host is, or resolves to, an address the platform may not call
	 * @throws IOException when the endpoint cannot be reached or does not answer in time
	 */
	int send(URI uri, Map<String, String> headers, String payload) throws IOException {
		HttpPost post = new HttpPost(uri);
		headers.forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(payload.getBytes(StandardCharsets.UTF_8), ContentType.create("application/json")));
		return http.execute(post, response -> {
			EntityUtils.consume(response.getEntity());
			return response.getCode();
		});
	}

	@Override
	public void close() {
		try {
			http.close();
		}
		catch (IOException e) {
			// the client's connections are closed anyway when the process ends
		}
	}
}
