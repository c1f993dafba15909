package eu.eccp.sharing.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import eu.eccp.shared.CheckedDnsResolver;
import eu.eccp.shared.CheckedHttpClients;
import eu.eccp.shared.NetworkAddresses;

/**
 * The HTTP client of feed pulls (TAXII collections, MISP feeds), with Apache HttpClient 5 as hosting's removal check
 * uses it: its {@link DnsResolver} hook resolves each host once and checks those addresses, and the connection goes to
 * exactly them, so a host that resolves to a public address when checked and to a private one a moment later (DNS
 * rebinding) is refused. A literal address is checked the same way. Redirects are not followed; no cookies, proxies,
 * retries or decompression; an answer larger than {@code max-response-size} ends with an error while being read.
 * Two connections at most: pulls run one at a time per node.
 */
@Component
class FeedHttp implements DisposableBean {

	/** Resolves a host name (the JDK's resolver; tests give their own). */
	@FunctionalInterface
	interface HostLookup {
		InetAddress[] addresses(String host) throws UnknownHostException;
	}

	/**
	 * A request that could not be made or answered: the message says why in English (the API's {@code lastError}), the
	 * code ({@code sharing.feed.error.CODE} in the bundles) and its argument say it in the reader's language.
	 */
	static final class Failed extends Exception {

		final String code;
		final @Nullable String arg;

		Failed(String code, @Nullable String arg, String message) {
			super(message, null, false, false);
			this.code = code;
			this.arg = arg;
		}
	}

	/** An answer: status, the first value of each header asked for, and the body (bounded), to be closed. */
	static final class Answer implements AutoCloseable {

		private final ClassicHttpResponse response;
		private final InputStream body;

		Answer(ClassicHttpResponse response, InputStream body) {
			this.response = response;
			this.body = body;
		}

		int status() {
			return response.getCode();
		}

		@Nullable
		String header(String name) {
			Header h = response.getFirstHeader(name);
			return h == null ? null : h.getValue();
		}

		InputStream body() {
			return body;
		}

		@Override
		public void close() {
			try {
				response.close();
			}
			catch (IOException ignored) {
				// the connection is discarded
			}
		}
	}

	/** Refused because the host resolves to an address the platform may not call. */
	static final class PrivateAddressRefused extends UnknownHostException {
		PrivateAddressRefused(String host) {
			super("refused: " + host + " resolves to a private or reserved address");
		}
	}

	private final FeedProperties properties;
	private final CloseableHttpClient http;

	@Autowired
	FeedHttp(FeedProperties properties) {
		this(properties, InetAddress::getAllByName);
	}

	FeedHttp(FeedProperties properties, HostLookup lookup) {
		this.properties = properties;
		this.http = CheckedHttpClients.create(new CheckedDnsResolver(lookup::addresses, this::refused, PrivateAddressRefused::new),
				properties.connectTimeout(), properties.readTimeout(), 2, "ECCP feed client");
	}

	private boolean refused(InetAddress address) {
		return !properties.allowPrivateAddresses() && NetworkAddresses.isPrivateOrReserved(address);
	}

	/** GETs the URL with the given {@code Accept} and {@code Authorization} (none when null). */
	Answer get(String url, String accept, @Nullable String authorization) throws Failed {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException e) {
			throw new Failed("url", null, "not a URL");
		}
		HttpGet request = new HttpGet(uri);
		request.setHeader(HttpHeaders.ACCEPT, accept);
		if (authorization != null) {
			request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
		}
		try {
			ClassicHttpResponse response = http.executeOpen(null, request, null);
			InputStream raw = response.getEntity() == null ? InputStream.nullInputStream() : response.getEntity().getContent();
			return new Answer(response, new Bounded(raw, properties.maxResponseSize().toBytes()));
		}
		catch (PrivateAddressRefused e) {
			throw new Failed("refusedAddress", null, "the address is not acceptable: " + e.getMessage());
		}
		catch (UnknownHostException e) {
			throw new Failed("unknownHost", null, "could not reach the source: unknown host");
		}
		catch (IOException e) {
			throw new Failed("unreachable", e.getClass().getSimpleName(), "could not reach the source: " + e.getClass().getSimpleName());
		}
	}

	/** Ends with an error once more than {@code max} bytes were read. */
	static final class Bounded extends FilterInputStream {

		private final long max;
		private long read;

		Bounded(InputStream in, long max) {
			super(in);
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > max) {
				throw new IOException("the answer is larger than " + max + " bytes (eccp.sharing.feeds.max-response-size)");
			}
		}
	}

	@Override
	public void destroy() throws IOException {
		http.close();
	}
}
