package eu.eccp.hosting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import eu.eccp.hosting.ProbeResult;
import eu.eccp.hosting.ProbeResult.Failure;
import eu.eccp.hosting.ProbeResult.Outcome;

/**
 * The removal check against a local HTTP server: status code, redirects and final address only; the body is
 * never read; private and reserved addresses are refused at every hop unless a test network is allowed.
 */
class RemovalCheckTests {

	HttpServer server;
	String base;
	final List<String> methods = new CopyOnWriteArrayList<>();
	final AtomicLong bodyBytesWritten = new AtomicLong();
	final CountDownLatch bodyWriterDone = new CountDownLatch(1);
	/** The slow host answers only once the test is over: past any timeout of the check, without a fixed sleep. */
	final CountDownLatch slowHostReleased = new CountDownLatch(1);
	volatile int contentStatus = 200;
	HttpRemovalCheck check;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/content", exchange -> answer(exchange, contentStatus, Map.of()));
		server.createContext("/moved", exchange -> answer(exchange, 301, Map.of("Location", "/content")));
		server.createContext("/to-home", exchange -> answer(exchange, 302, Map.of("Location", "/")));
		server.createContext("/", exchange -> answer(exchange, 200, Map.of()));
		server.createContext("/loop", exchange -> answer(exchange, 302, Map.of("Location", "/loop")));
		server.createContext("/to-other-loopback", exchange -> answer(exchange, 302,
				Map.of("Location", "http://127.0.0.2:" + server.getAddress().getPort() + "/content")));
		server.createContext("/to-named-private", exchange -> answer(exchange, 302,
				Map.of("Location", "http://intranet.example:" + server.getAddress().getPort() + "/content")));
		server.createContext("/gone", exchange -> answer(exchange, 410, Map.of()));
		server.createContext("/forbidden", exchange -> answer(exchange, 403, Map.of()));
		server.createContext("/broken", exchange -> answer(exchange, 503, Map.of()));
		server.createContext("/slow", exchange -> {
			try {
				slowHostReleased.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, 200, Map.of());
		});
		server.createContext("/no-head", exchange -> {
			methods.add(exchange.getRequestMethod());
			if (exchange.getRequestMethod().equals("HEAD")) {
				answer(exchange, 405, Map.of());
				return;
			}
			// a large body written as fast as the client takes it: the check must not take it
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[64 * 1024];
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 16 * 1024; i++) { // up to 1 GiB
					out.write(chunk);
					bodyBytesWritten.addAndGet(chunk.length);
				}
			}
			catch (IOException e) {
				// the client closed the connection: what we want
			}
			finally {
				bodyWriterDone.countDown();
			}
		});
		server.start();
		base = "http://127.0.0.1:" + server.getAddress().getPort();
		check = check(List.of("127.0.0.1/32"));
	}

	HttpRemovalCheck check(List<String> allowedPrivateNetworks) {
		HostingProperties properties = new HostingProperties(
				new HostingProperties.Dns(List.of(), Duration.ofSeconds(1),
						Map.of("content.example", List.of("127.0.0.1"), "intranet.example", List.of("127.0.0.3")), true),
				new HostingProperties.Probe(4, 5000, Duration.ofSeconds(2), Duration.ofMillis(800), 3, "test",
						allowedPrivateNetworks),
				null, false);
		return new HttpRemovalCheck(properties, new ConfiguredResolver(properties), Clock.systemUTC());
	}

	private static void answer(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
		headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	@AfterEach
	void stop() throws IOException {
		slowHostReleased.countDown();
		check.destroy();
		server.stop(0);
	}

	@Test
	void contentThatAnswersIsOnlineAndOnlyHeadIsAsked() {
		ProbeResult result = check.check(base + "/content");

		assertThat(result.outcome()).isEqualTo(Outcome.ONLINE);
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.finalAddress()).isEqualTo("127.0.0.1");
		assertThat(result.hops()).singleElement().satisfies(hop -> assertThat(hop.method()).isEqualTo("HEAD"));
	}

	@Test
	void contentThatStartsAnswering404IsRemoved() {
		assertThat(check.check(base + "/content").outcome()).isEqualTo(Outcome.ONLINE);
		contentStatus = 404;
		ProbeResult result = check.check(base + "/content");
		assertThat(result.outcome()).isEqualTo(Outcome.REMOVED);
		assertThat(result.statusCode()).isEqualTo(404);
		assertThat(check.check(base + "/gone").outcome()).isEqualTo(Outcome.REMOVED);
	}

	@Test
	void followsRedirectsAndRecordsEveryHop() {
		ProbeResult sameResource = check.check(base + "/moved");
		assertThat(sameResource.hops()).extracting(ProbeResult.Hop::statusCode).containsExactly(301, 200);
		assertThat(sameResource.finalUrl()).isEqualTo(base + "/content");
		// /moved → /content is another path: the check reports that the address now shows something else
		assertThat(sameResource.outcome()).isEqualTo(Outcome.CHANGED);

		ProbeResult toHome = check.check(base + "/to-home");
		assertThat(toHome.outcome()).isEqualTo(Outcome.CHANGED);
		assertThat(toHome.finalUrl()).isEqualTo(base + "/");

		contentStatus = 404;
		assertThat(check.check(base + "/moved").outcome()).isEqualTo(Outcome.REMOVED);
	}

	@Test
	void aRedirectLoopFails() {
		ProbeResult result = check.check(base + "/loop");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.failure()).isEqualTo(Failure.TOO_MANY_REDIRECTS);
	}

	@Test
	void otherAnswersAreChangedOrFailed() {
		assertThat(check.check(base + "/forbidden").outcome()).isEqualTo(Outcome.CHANGED);
		ProbeResult broken = check.check(base + "/broken");
		assertThat(broken.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(broken.failure()).isEqualTo(Failure.SERVER_ERROR);
		ProbeResult slow = check.check(base + "/slow");
		assertThat(slow.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(slow.failure()).isEqualTo(Failure.TIMEOUT);
		assertThat(check.check("ftp://127.0.0.1/x").failure()).isEqualTo(Failure.INVALID_URL);
		assertThat(check.check("not a url").failure()).isEqualTo(Failure.INVALID_URL);
	}

	@Test
	void aHostThatNoLongerExistsIsRemoved() {
		ProbeResult result = check.check("http://vanished.example/page");
		assertThat(result.outcome()).isEqualTo(Outcome.REMOVED);
		assertThat(result.statusCode()).isNull();
	}

	@Test
	void aServerRefusingHeadIsAskedWithGetButItsBodyIsNeverRead() throws Exception {
		ProbeResult result = check.check(base + "/no-head");

		assertThat(result.outcome()).isEqualTo(Outcome.ONLINE);
		assertThat(result.hops()).extracting(ProbeResult.Hop::method).containsExactly("HEAD", "GET");
		assertThat(methods).containsExactly("HEAD", "GET");
		assertThat(bodyWriterDone.await(10, TimeUnit.SECONDS)).isTrue();
		// the server could only fill the socket buffers before the client closed the connection: far from 1 GiB
		assertThat(bodyBytesWritten.get()).isLessThan(64L * 1024 * 1024);
	}

	@Test
	void refusesLoopbackAndPrivateAddressesUnlessAllowed() throws IOException {
		HttpRemovalCheck strict = check(List.of());
		try {
			ProbeResult literal = strict.check(base + "/content");
			assertThat(literal.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(literal.failure()).isEqualTo(Failure.PRIVATE_ADDRESS_REFUSED);
			ProbeResult named = strict.check("http://content.example:" + server.getAddress().getPort() + "/content");
			assertThat(named.failure()).isEqualTo(Failure.PRIVATE_ADDRESS_REFUSED);
			assertThat(strict.check("http://[::1]:" + server.getAddress().getPort() + "/").failure())
				.isEqualTo(Failure.PRIVATE_ADDRESS_REFUSED);
		}
		finally {
			strict.destroy();
		}
	}

	@Test
	void refusesAPrivateAddressAtALaterHop() {
		ProbeResult literal = check.check(base + "/to-other-loopback");
		assertThat(literal.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(literal.failure()).isEqualTo(Failure.PRIVATE_ADDRESS_REFUSED);
		assertThat(literal.hops()).extracting(ProbeResult.Hop::statusCode).containsExactly(302, null);

		ProbeResult named = check.check(base + "/to-named-private");
		assertThat(named.failure()).isEqualTo(Failure.PRIVATE_ADDRESS_REFUSED);
		assertThat(named.finalUrl()).contains("intranet.example");
	}

	@Test
	void checksThousandsOfUrlsOnTheBoundedExecutor() {
		List<String> urls = new ArrayList<>();
		IntStream.range(0, 3000).forEach(i -> urls.add(base + (i % 3 == 0 ? "/gone" : "/content") + "?n=" + i));

		List<ProbeResult> results = check.checkAll(urls);

		assertThat(results).hasSize(3000);
		for (int i = 0; i < results.size(); i++) {
			assertThat(results.get(i).url()).isEqualTo(urls.get(i));
			assertThat(results.get(i).outcome()).isEqualTo(i % 3 == 0 ? Outcome.REMOVED : Outcome.ONLINE);
		}
	}

	@Test
	void submitRunsOnTheExecutor() throws Exception {
		assertThat(check.submit(base + "/content").get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ONLINE);
	}
}
