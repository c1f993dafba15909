package eu.eccp.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The webhook client connects only to addresses it checked: a host that resolved to a public address when its
 * endpoint was registered and resolves to a private one when a delivery is sent (DNS rebinding) is refused at the
 * connection, with the one lookup the connection uses; a literal private address is refused without a lookup;
 * and where private addresses are allowed (local receivers, tests) the delivery arrives with its headers.
 */
class WebhookSenderTests {

	HttpServer receiver;
	final List<String> received = new CopyOnWriteArrayList<>();
	final AtomicInteger lookups = new AtomicInteger();

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			received.add(exchange.getRequestHeaders().getFirst("Content-Type") + " | "
					+ exchange.getRequestHeaders().getFirst("X-ECCP-Event") + " | "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
	}

	static NotificationsProperties.Webhooks options(boolean allowPrivate) {
		return new NotificationsProperties.Webhooks(true, allowPrivate, 3, Duration.ofMillis(10), Duration.ofMillis(100),
				Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofHours(1), 20);
	}

	/** A name that now answers with the loopback address, where the receiver listens. */
	WebhookSender sender(boolean allowPrivate) {
		return new WebhookSender(options(allowPrivate), host -> {
			lookups.incrementAndGet();
			return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
		});
	}

	URI rebound() {
		return URI.create("http://rebound.example.org:" + receiver.getAddress().getPort() + "/hook");
	}

	@Test
	void aHostThatResolvesToAPrivateAddressWhenTheDeliveryIsSentIsRefused() {
		try (WebhookSender sender = sender(false)) {
			assertThatThrownBy(() -> sender.send(rebound(), Map.of("X-ECCP-Event", "INCIDENT"), "{}"))
				.isInstanceOf(WebhookSender.PrivateAddressRefused.class)
				.hasMessageContaining("refused");
		}
		assertThat(lookups).as("the connection used the one lookup it checked").hasValue(1);
		assertThat(received).isEmpty();
	}

	@Test
	void aLiteralPrivateAddressIsRefusedWithoutALookup() {
		try (WebhookSender sender = sender(false)) {
			assertThatThrownBy(() -> sender.send(URI.create("http://169.254.169.254/latest/meta-data/"), Map.of(), "{}"))
				.isInstanceOf(WebhookSender.PrivateAddressRefused.class);
			assertThatThrownBy(() -> sender.send(URI.create("http://[::1]:" + receiver.getAddress().getPort() + "/hook"),
					Map.of(), "{}")).isInstanceOf(WebhookSender.PrivateAddressRefused.class);
		}
		assertThat(lookups).hasValue(0);
		assertThat(received).isEmpty();
	}

	@Test
	void wherePrivateAddressesAreAllowedTheDeliveryArrivesWithItsHeaders() throws IOException {
		try (WebhookSender sender = sender(true)) {
			int status = sender.send(rebound(), Map.of("X-ECCP-Event", "INCIDENT"), "{\"title\":\"Phishing wave \u00e9\"}");

			assertThat(status).isEqualTo(202);
		}
		assertThat(received).containsExactly("application/json | INCIDENT | {\"title\":\"Phishing wave \u00e9\"}");
	}
}
