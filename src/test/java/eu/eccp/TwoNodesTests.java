package eu.eccp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;

import eu.eccp.contactpoints.internal.DeadlineWatch;
import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;
import eu.eccp.reporting.internal.ReportDraft;
import eu.eccp.reporting.internal.ReportIntake;
import eu.eccp.shared.ClusterLock;
import eu.eccp.shared.OrganisationId;

/**
 * Two instances of the platform on one PostgreSQL, each with its schedulers running (webhook worker,
 * deadline watch, contact retention): every webhook delivery reaches its receiver once, a delivery leased
 * by a node that died is sent once its lease has run out, an overdue request is escalated once, each
 * expired contact is erased and recorded once, and a job under the cluster lock runs on one node at a time.
 */
@SpringBootTest(properties = { TwoNodesTests.DEMO, TwoNodesTests.ALLOW_HTTP, TwoNodesTests.ALLOW_LOOPBACK,
		TwoNodesTests.POLL, TwoNodesTests.BATCH, TwoNodesTests.DEADLINES, TwoNodesTests.RETENTION,
		TwoNodesTests.RETENTION_INTERVAL })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TwoNodesTests {

	static final String DEMO = "eccp.demo=true";
	static final String ALLOW_HTTP = "eccp.notifications.webhooks.allow-http=true";
	static final String ALLOW_LOOPBACK = "eccp.notifications.webhooks.allow-private-addresses=true";
	static final String POLL = "eccp.notifications.webhooks.poll-interval=PT0.05S";
	static final String BATCH = "eccp.notifications.webhooks.batch-size=3";
	static final String DEADLINES = "eccp.contactpoints.check-interval=50ms";
	static final String RETENTION = "eccp.reporting.contact-retention=30d";
	static final String RETENTION_INTERVAL = "eccp.reporting.contact-retention-interval=50ms";

	/** The second node: the same application, started on the first one's database. */
	static ConfigurableApplicationContext second;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Notifications notifications;

	@Autowired
	DeadlineWatch watch;

	@Autowired
	ReportIntake intake;

	@Autowired
	ClusterLock clusterLock;

	HttpServer receiver;

	/** Every request the receiver got: the delivery id and when it came. */
	record Received(String delivery, String event, Instant at) {
	}

	final List<Received> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startTheSecondNodeAndTheReceiver() throws IOException {
		if (second == null) {
			second = new SpringApplicationBuilder(EccpApplication.class).profiles("test")
				.properties(DEMO, ALLOW_HTTP, ALLOW_LOOPBACK, POLL, BATCH, DEADLINES, RETENTION, RETENTION_INTERVAL,
						"server.port=0", "spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
						"spring.datasource.username=postgres")
				.run();
		}
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.setExecutor(Executors.newFixedThreadPool(4));
		receiver.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			received.add(new Received(exchange.getRequestHeaders().getFirst("X-ECCP-Delivery"),
					exchange.getRequestHeaders().getFirst("X-ECCP-Event"), Instant.now()));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stopTheReceiver() {
		jdbc.sql("UPDATE webhook_endpoint SET active = false").update();
		receiver.stop(0);
	}

	@AfterAll
	static void stopTheSecondNode() {
		if (second != null) {
			second.close();
		}
	}

	String hookUrl() {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
	}

	UUID org(String shortName) {
		return jdbc.sql("SELECT id FROM organisation WHERE short_name = :s").param("s", shortName).query(UUID.class).single();
	}

	UUID endpoint(UUID organisation, String... topics) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO webhook_endpoint (id, organisation_id, url, topics, secret, created_at)
				VALUES (:id, :org, :url, CAST(:topics AS text[]), 'whsec_two-nodes', now())""")
			.param("id", id).param("org", organisation).param("url", hookUrl()).param("topics", topics).update();
		return id;
	}

	Map<String, Long> timesReceived() {
		Map<String, Long> times = new ConcurrentHashMap<>();
		received.forEach(r -> times.merge(r.delivery(), 1L, Long::sum));
		return times;
	}

	List<String> deliveries(UUID endpoint) {
		return jdbc.sql("SELECT id::text FROM webhook_delivery WHERE endpoint_id = :e").param("e", endpoint)
			.query(String.class).list();
	}

	@Test
	void everyWebhookDeliveryIsSentOnceAndALeaseOfADeadNodeRunsOut() {
		Notifications onSecond = second.getBean(Notifications.class);
		UUID fr = org("fr-unit");
		UUID queuedOnSend = endpoint(fr, "test.twonodes");
		for (int i = 0; i < 50; i++) {
			(i % 2 == 0 ? notifications : onSecond).send(
					Notice.to(new OrganisationId(fr), "test.twonodes", "Two nodes " + i + " " + UUID.randomUUID(), "/cases/" + i));
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(queuedOnSend).size() == 50);

		// 50 more due at once, for the two nodes' workers to compete for; and one claimed by a node that
		// died while sending it: leased for two more seconds, then anyone's
		UUID queuedInBulk = endpoint(fr, "test.bulkonly");
		List<UUID> notices = jdbc.sql("SELECT notice_id FROM webhook_delivery WHERE endpoint_id = :e").param("e", queuedOnSend)
			.query(UUID.class).list();
		Instant leaseEnds = Instant.now().plusSeconds(2);
		UUID leased = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO webhook_delivery (id, endpoint_id, notice_id, topic, payload, status, attempts, next_attempt_at, created_at)
				SELECT CASE WHEN n = :leasedNotice THEN CAST(:leased AS uuid) ELSE gen_random_uuid() END, :endpoint, n,
				       'test.twonodes', '{}', 'PENDING', 0,
				       CASE WHEN n = :leasedNotice THEN CAST(:leaseEnds AS timestamptz) ELSE now() END, now()
				FROM unnest(CAST(:notices AS uuid[])) AS n""")
			.param("leasedNotice", notices.get(0)).param("leased", leased).param("endpoint", queuedInBulk)
			.param("leaseEnds", java.sql.Timestamp.from(leaseEnds)).param("notices", notices.toArray(UUID[]::new))
			.update();

		List<String> all = new ArrayList<>(deliveries(queuedOnSend));
		all.addAll(deliveries(queuedInBulk));
		assertThat(all).hasSize(100).doesNotHaveDuplicates();
		await().atMost(Duration.ofSeconds(20)).until(() -> timesReceived().keySet().containsAll(all));
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> received.size() == 100);

		assertThat(timesReceived()).as("times each delivery reached the receiver").hasSize(100).allSatisfy((delivery, times) ->
				assertThat(times).as(delivery).isOne());
		assertThat(received).filteredOn(r -> r.delivery().equals(leased.toString())).singleElement()
			.satisfies(r -> assertThat(r.at()).as("sent after the dead node's lease").isAfterOrEqualTo(leaseEnds));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM webhook_delivery WHERE endpoint_id IN (:endpoints) AND status = 'SUCCEEDED' AND attempts = 1""")
			.param("endpoints", List.of(queuedOnSend, queuedInBulk)).query(Long.class).single()).isEqualTo(100);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
				WHERE d.endpoint_id IN (:endpoints)""")
			.param("endpoints", List.of(queuedOnSend, queuedInBulk)).query(Long.class).single()).isEqualTo(100);
	}

	@Test
	void anOverdueRequestIsEscalatedOnceWhileBothNodesWatchTheDeadlines() throws Exception {
		UUID requester = org("fr-unit");
		UUID hook = endpoint(requester, "request.escalated");
		String request = JsonPath.read(mvc.perform(DemoTokens.bearer(post("/api/v1/requests"), DemoTokens.token(mvc, "fr.analyst"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"recipient":"be-247","kind":"EMERGENCY","requestingAuthority":"FR national unit duty officer",
					 "offence":"Threat to kill","facts":"Threats made on a stream","dataSought":"Subscriber data of the account",
					 "threatToLife":"The person said they would act within the hour",
					 "identifiers":[{"type":"EMAIL","value":"streamer@example.org"}]}"""))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

		// overdue now: the schedulers of both nodes see it, and two explicit checks race them
		jdbc.sql("UPDATE urgent_request SET acknowledge_due = now() - interval '1 minute' WHERE id = CAST(:id AS uuid)")
			.param("id", request).update();
		DeadlineWatch onSecond = second.getBean(DeadlineWatch.class);
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> first = () -> {
				together.await();
				return watch.check(Instant.now()).escalated();
			};
			Callable<Integer> other = () -> {
				together.await();
				return onSecond.check(Instant.now()).escalated();
			};
			int escalated = 0;
			for (Future<Integer> run : nodes.invokeAll(List.of(first, other))) {
				escalated += run.get();
			}
			assertThat(escalated).as("escalations by the explicit checks").isLessThanOrEqualTo(1);
		}
		finally {
			nodes.shutdownNow();
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> received.stream().anyMatch(r -> "request.escalated".equals(r.event())));
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> escalations(request) == 1);

		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE topic = 'request.escalated' AND data ->> 'requestId' = :id")
			.param("id", request).query(Long.class).single()).as("escalation notices: backup, coordinator, requester")
			.isEqualTo(3);
		assertThat(received).filteredOn(r -> "request.escalated".equals(r.event())).hasSize(1);
		assertThat(deliveries(hook)).hasSize(1);
	}

	@Test
	void aJobGuardedByTheClusterLockRunsOnOneNodeAtATimeAndIsFreeAgainAfterwards() {
		ClusterLock here = clusterLock;
		ClusterLock there = second.getBean(ClusterLock.class);
		List<Boolean> ranThereMeanwhile = new ArrayList<>();
		assertThat(here.runExclusively("test.two-nodes", () -> ranThereMeanwhile.add(there.runExclusively("test.two-nodes",
				() -> { })))).isTrue();
		assertThat(ranThereMeanwhile).containsExactly(false);
		assertThat(there.runExclusively("test.two-nodes", () -> { })).as("released after the run").isTrue();
		assertThat(here.runExclusively("test.other-job", () -> assertThat(there.runExclusively("test.two-nodes", () -> { }))
			.as("another job's lock is another lock").isTrue())).isTrue();

		org.springframework.transaction.support.TransactionTemplate transactions = new org.springframework.transaction.support.TransactionTemplate(
				second.getBean(org.springframework.transaction.PlatformTransactionManager.class));
		Boolean heldByTheTransaction = transactions.execute(status -> there.tryForTransaction("test.in-transaction")
				&& !here.runExclusively("test.in-transaction", () -> { }));
		assertThat(heldByTheTransaction).as("held by the transaction, refused elsewhere").isTrue();
		assertThat(here.runExclusively("test.in-transaction", () -> { })).as("released at commit").isTrue();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> here.tryForTransaction("test.in-transaction"))
			.isInstanceOf(IllegalStateException.class);
	}

	long escalations(String request) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'request.escalated' AND object_id = :id")
			.param("id", request).query(Long.class).single();
	}

	@Test
	void eachExpiredContactIsErasedOnceWhileBothNodesRunTheRetention() {
		List<String> closed = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			closed.add(intake.submitPublic(new ReportDraft("PHISHING", "FR", List.of("FR"), null, null, null,
					"Closed long ago " + i, null, new ReportDraft.Contact("Jean Martin", "jean@example.org", null, "fr"), true,
					false, null, null, null, false), List.of(), "PUBLIC_WEB", "203.0.113." + i).reference());
		}
		jdbc.sql("UPDATE report SET status = 'CLOSED', closed_at = now() - interval '40 days' WHERE reference IN (:r)")
			.param("r", closed).update();

		await().atMost(Duration.ofSeconds(10)).until(() -> erasureEvents(closed) == 20);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> erasureEvents(closed) == 20);

		assertThat(jdbc.sql("""
				SELECT count(*) FROM report_contact c JOIN report r ON r.id = c.report_id WHERE r.reference IN (:r)""")
			.param("r", closed).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_entry a JOIN report r ON a.object_id = r.id::text
				WHERE r.reference IN (:r) AND a.action = 'report.contact-erased'""").param("r", closed).query(Long.class).single())
			.isEqualTo(20);
	}

	long erasureEvents(List<String> references) {
		return jdbc.sql("""
				SELECT count(*) FROM report_event e JOIN report r ON r.id = e.report_id
				WHERE r.reference IN (:r) AND e.type = 'CONTACT_ERASED'""").param("r", references).query(Long.class).single();
	}
}
