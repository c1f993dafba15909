package eu.eccp.hosting.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.google.common.net.InetAddresses;

import eu.eccp.hosting.ProbeResult;
import eu.eccp.hosting.ProbeResult.Failure;
import eu.eccp.hosting.ProbeResult.Hop;
import eu.eccp.hosting.ProbeResult.Outcome;
import eu.eccp.hosting.RemovalCheck;
import eu.eccp.shared.CheckedDnsResolver;
import eu.eccp.shared.CheckedHttpClients;
import eu.eccp.shared.NetworkAddresses;

/**
 * The removal check over HTTP (see {@link RemovalCheck}), with Apache HttpClient 5: its {@link DnsResolver}
 * hook makes every connection go to the addresses our resolver returned and we checked, redirects are not
 * followed by the client but hop by hop here, and each answer's connection is cancelled (closed at once, the
 * body unread) as soon as its status line and headers are in. No cookies, no proxies, no retries, no
 * decompression.
 * <p>
 * Executor: {@code threads} platform threads (named {@code removal-check-N}), a bounded queue of {@code queue}
 * probes; {@link #submit} is refused when it is full, {@link #checkAll} waits for room. Threads end when idle.
 */
@Component
class HttpRemovalCheck implements RemovalCheck, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(HttpRemovalCheck.class);

	private final HostingProperties.Probe options;
	private final ConfiguredResolver resolver;
	private final List<Cidr> allowedPrivate;
	private final Clock clock;
	private final CloseableHttpClient http;
	private final ThreadPoolExecutor executor;
	private final Semaphore room;

	HttpRemovalCheck(HostingProperties properties, ConfiguredResolver resolver, Clock clock) {
		this.options = properties.probe();
		this.resolver = resolver;
		this.clock = clock;
		this.allowedPrivate = options.allowedPrivateNetworks().stream().map(Cidr::parse).toList();
		this.http = CheckedHttpClients.create(new CheckedDnsResolver(resolver::addressesOrThrow, this::refused,
				PrivateAddressRefusedException::new), options.connectTimeout(), options.readTimeout(), options.threads(),
				options.userAgent());
		AtomicInteger threadNumber = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(options.threads(), options.threads(), 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(options.queue()), task -> {
					Thread thread = new Thread(task, "removal-check-" + threadNumber.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		this.executor.allowCoreThreadTimeOut(true);
		this.room = new Semaphore(options.threads() + options.queue());
	}

	@Override
	public CompletableFuture<ProbeResult> submit(String url) {
		if (!room.tryAcquire()) {
			return CompletableFuture.failedFuture(new RejectedExecutionException("the removal-check queue is full"));
		}
		return run(url);
	}

	@Override
	public List<ProbeResult> checkAll(List<String> urls) {
		List<Future<ProbeResult>> futures = new ArrayList<>(urls.size());
		try {
			for (String url : urls) {
				room.acquire();
				futures.add(run(url));
			}
			List<ProbeResult> results = new ArrayList<>(urls.size());
			for (Future<ProbeResult> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			futures.forEach(future -> future.cancel(true));
			throw new IllegalStateException("interrupted while checking URLs", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("a removal check failed unexpectedly", e.getCause());
		}
	}

	private CompletableFuture<ProbeResult> run(String url) {
		try {
			return CompletableFuture.supplyAsync(() -> {
				try {
					return check(url);
				}
				finally {
					room.release();
				}
			}, executor);
		}
		catch (RejectedExecutionException e) {
			room.release();
			return CompletableFuture.failedFuture(e);
		}
	}

	@Override
	public ProbeResult check(String url) {
		Instant started = Instant.now(clock);
		long startNanos = System.nanoTime();
		List<Hop> hops = new ArrayList<>();
		URI original;
		try {
			original = httpUri(url);
		}
		catch (IllegalArgumentException e) {
			return result(url, Outcome.FAILED, null, hops, url, null, Failure.INVALID_URL, started, startNanos);
		}
		URI current = original;
		Set<String> visited = new HashSet<>();
		for (int redirects = 0;; redirects++) {
			if (!visited.add(current.toString()) || redirects > options.maxRedirects()) {
				return result(url, Outcome.FAILED, null, hops, current.toString(), null, Failure.TOO_MANY_REDIRECTS,
						started, startNanos);
			}
			if (literalRefused(current.getHost())) {
				hops.add(new Hop(current.toString(), null, null, "HEAD"));
				return result(url, Outcome.FAILED, null, hops, current.toString(), null, Failure.PRIVATE_ADDRESS_REFUSED,
						started, startNanos);
			}
			Answer answer;
			try {
				answer = ask(current, "HEAD");
				if (answer.status() == 405 || answer.status() == 501) {
					hops.add(answer.hop());
					answer = ask(current, "GET");
				}
			}
			catch (IOException e) {
				Failure failure = failure(e);
				hops.add(new Hop(current.toString(), null, null, "HEAD"));
				Outcome outcome = failure == null ? Outcome.REMOVED : Outcome.FAILED; // null: the host no longer exists
				return result(url, outcome, null, hops, current.toString(), null, failure, started, startNanos);
			}
			hops.add(answer.hop());
			int status = answer.status();
			if (status >= 300 && status < 400 && answer.location() != null) {
				URI next;
				try {
					next = current.resolve(new URI(answer.location().strip().replace(" ", "%20")));
				}
				catch (URISyntaxException | IllegalArgumentException e) {
					return result(url, Outcome.CHANGED, status, hops, current.toString(), answer.address(), null, started,
							startNanos);
				}
				if (next.getScheme() == null || !(next.getScheme().equalsIgnoreCase("http") || next.getScheme().equalsIgnoreCase("https"))
						|| next.getHost() == null) {
					return result(url, Outcome.CHANGED, status, hops, next.toString(), answer.address(), null, started, startNanos);
				}
				current = next;
				continue;
			}
			Outcome outcome;
			Failure failure = null;
			if (status >= 200 && status < 300) {
				outcome = sameResource(original, current) ? Outcome.ONLINE : Outcome.CHANGED;
			}
			else if (status == 404 || status == 410 || status == 451) {
				outcome = Outcome.REMOVED;
			}
			else if (status >= 500) {
				outcome = Outcome.FAILED;
				failure = Failure.SERVER_ERROR;
			}
			else {
				outcome = Outcome.CHANGED; // 401, 403, other client errors, a redirect without Location
			}
			return result(url, outcome, status, hops, current.toString(), answer.address(), failure, started, startNanos);
		}
	}

	private record Answer(Hop hop, int status, @Nullable String location, @Nullable String address) {
	}

	/** One request: status line and headers only; the connection is cancelled before anything else is read. */
	private Answer ask(URI uri, String method) throws IOException {
		HttpUriRequestBase request = method.equals("HEAD") ? new HttpHead(uri) : new HttpGet(uri);
		request.setHeader(HttpHeaders.ACCEPT, "*/*");
		request.setHeader(HttpHeaders.CONNECTION, "close");
		HttpClientContext context = HttpClientContext.create();
		ClassicHttpResponse response = http.executeOpen(null, request, context);
		try {
			int status = response.getCode();
			Header location = response.getFirstHeader(HttpHeaders.LOCATION);
			String address = address(context.getEndpointDetails());
			return new Answer(new Hop(uri.toString(), address, status, method), status,
					location == null ? null : location.getValue(), address);
		}
		finally {
			request.cancel(); // discards the connection at once: a body is never read, not even to drain it
			try {
				response.close();
			}
			catch (IOException | RuntimeException e) {
				// the connection was already discarded
			}
		}
	}

	private static @Nullable String address(@Nullable EndpointDetails endpoint) {
		SocketAddress remote = endpoint == null ? null : endpoint.getRemoteAddress();
		return remote instanceof InetSocketAddress inet && inet.getAddress() != null
				? InetAddresses.toAddrString(inet.getAddress()) : null;
	}

	/** The failure an exception means, or null when it means the host name does not exist. */
	private static @Nullable Failure failure(IOException e) {
		Throwable cause = e;
		while (cause != null) {
			if (cause instanceof PrivateAddressRefusedException) {
				return Failure.PRIVATE_ADDRESS_REFUSED;
			}
			if (cause instanceof ConfiguredResolver.ResolverFailedException) {
				return Failure.DNS_FAILED;
			}
			if (cause instanceof UnknownHostException) {
				return null;
			}
			if (cause instanceof SocketTimeoutException || cause instanceof ConnectTimeoutException) {
				return cause instanceof ConnectTimeoutException && cause.getCause() instanceof ConnectException
						? Failure.CONNECTION_FAILED : Failure.TIMEOUT;
			}
			cause = cause.getCause() == cause ? null : cause.getCause();
		}
		return Failure.CONNECTION_FAILED;
	}

	private boolean refused(InetAddress address) {
		return NetworkAddresses.isPrivateOrReserved(address) && allowedPrivate.stream().noneMatch(cidr -> cidr.contains(address));
	}

	private boolean literalRefused(String host) {
		String name = ConfiguredResolver.normalise(host);
		return InetAddresses.isInetAddress(name) && refused(InetAddresses.forString(name));
	}

	private static URI httpUri(String url) {
		URI uri;
		try {
			uri = new URI(HostNames.refang(url.strip()));
		}
		catch (URISyntaxException e) {
			throw new IllegalArgumentException("not a URL", e);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw new IllegalArgumentException("not an http(s) URL with a host");
		}
		return uri;
	}

	/** Same host (a {@code www.} prefix aside), path (a trailing slash aside) and query; the scheme may change. */
	static boolean sameResource(URI original, URI last) {
		return host(original).equals(host(last)) && path(original).equals(path(last))
				&& String.valueOf(original.getRawQuery()).equals(String.valueOf(last.getRawQuery()));
	}

	private static String host(URI uri) {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		return host.startsWith("www.") ? host.substring(4) : host;
	}

	private static String path(URI uri) {
		String path = uri.getRawPath() == null ? "" : uri.getRawPath();
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private ProbeResult result(String url, Outcome outcome, @Nullable Integer status, List<Hop> hops, String finalUrl,
			@Nullable String finalAddress, @Nullable Failure failure, Instant started, long startNanos) {
		Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
		log.debug("removal check: {} after {} hops ({}), {} ms", outcome, hops.size(), failure, took.toMillis());
		return new ProbeResult(url, outcome, status, hops, finalUrl, finalAddress, failure, started, took);
	}

	@Override
	public void destroy() throws IOException {
		executor.shutdownNow();
		http.close();
	}

	/** A hop's host resolved to an address the check may not connect to. */
	static final class PrivateAddressRefusedException extends UnknownHostException {
		PrivateAddressRefusedException(String host) {
			super("refused: " + host + " resolves to a private or reserved address");
		}
	}

	/** A network in CIDR notation, for {@code allowed-private-networks}. */
	record Cidr(byte[] network, int length) {

		static Cidr parse(String text) {
			String[] parts = text.strip().split("/", 2);
			InetAddress address = InetAddresses.forString(parts[0]);
			int bits = address.getAddress().length * 8;
			int length = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
			if (length < 0 || length > bits) {
				throw new IllegalArgumentException("eccp.hosting.probe.allowed-private-networks: bad prefix length in " + text);
			}
			return new Cidr(address.getAddress(), length);
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != network.length) {
				return false;
			}
			for (int bit = 0; bit < length; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}
}
