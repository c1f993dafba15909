package eu.eccp.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.jayway.jsonpath.JsonPath;

/**
 * Bulk and burst intake through the real HTTP server: every accepted row is stored, extracted and correlated,
 * hits are announced once per organisation and import, and other users' requests keep being answered while an
 * import runs. (Speed is measured by bench/bulk-import.sh and bench/public-intake.sh, not here.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-bulk-pipeline-tests",
				"eccp.reporting.public-submissions-per-hour=100000" })
@ActiveProfiles("test")
class BulkImportPipelineTests {

	static final int ROWS = 5_000;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aFiveThousandRowImportIsStoredExtractedAndCorrelatedRowByRowAndNotifiesEachUnitOnce() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String bank = token("bank.partner");
		String dutch = token("nl.analyst");
		// a Dutch report shares a web address with row 7 of the import: a cross-border hit for both units
		HttpResponse<String> nl = send(post("/api/v1/reports", dutch, "application/json", """
				{"offence":"PHISHING","victimCountries":["NL"],"description":"Phishing page https://login-7-%s.xyz/verify"}"""
			.formatted(run)));
		assertThat(nl.statusCode()).isEqualTo(201);
		String nlReport = JsonPath.read(nl.body(), "$.id");
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
			.sql("SELECT count(*) FROM correlation_record WHERE source_kind = 'REPORT' AND source_id = CAST(:id AS uuid)")
			.param("id", nlReport).query(Long.class).single() == 1);

		StringBuilder ndjson = new StringBuilder();
		for (int i = 0; i < ROWS; i++) {
			ndjson.append("""
					{"offence":"PHISHING","victimCountries":["FR"],"description":"Customer %d got a fake bank page","details":{"urls":["https://login-%d-%s.xyz/verify"]},"organisationReference":"%s-%d"}
					""".formatted(i, i, run, run, i));
		}
		ndjson.append("{\"offence\":\"NOT_AN_OFFENCE\",\"description\":\"bad row\"}\n");
		HttpResponse<String> started = send(post("/api/v1/reports/bulk", bank, "application/x-ndjson", ndjson.toString()));
		assertThat(started.statusCode()).isEqualTo(202);
		String job = JsonPath.read(started.body(), "$.id");

		// while the import runs, another unit's requests keep being answered
		List<Long> latencies = new ArrayList<>();
		String french = token("fr.analyst");
		Map<String, Object> finished = Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
			.until(() -> {
				long start = System.nanoTime();
				assertThat(send(get("/api/v1/me", french)).statusCode()).isEqualTo(200);
				latencies.add((System.nanoTime() - start) / 1_000_000);
				return JsonPath.<Map<String, Object>>read(send(get("/api/v1/reports/bulk/" + job, bank)).body(), "$.job");
			}, j -> "COMPLETED".equals(j.get("state")) && ((Number) j.get("correlated")).longValue() == ROWS);
		assertThat(finished).containsEntry("rowsDone", ROWS + 1).containsEntry("accepted", ROWS).containsEntry("rejected", 1)
			.containsEntry("queued", ROWS).containsEntry("extracted", ROWS).containsEntry("correlated", ROWS);
		assertThat(latencies).as("another user's requests are answered within a second during the import")
			.allSatisfy(ms -> assertThat(ms).isLessThan(1_000));

		// every row arrived everywhere: stored, its indicator extracted, sighted by correlation
		assertThat(count("SELECT count(*) FROM report WHERE org_reference LIKE :p", run + "-%")).isEqualTo(ROWS);
		assertThat(count("""
				SELECT count(DISTINCT i.report_id) FROM report_indicator i JOIN report r ON r.id = i.report_id
				WHERE r.org_reference LIKE :p AND i.type = 'URL'""", run + "-%")).isEqualTo(ROWS);
		assertThat(count("""
				SELECT count(*) FROM correlation_record c JOIN report r ON r.id = c.source_id AND c.source_kind = 'REPORT'
				WHERE r.org_reference LIKE :p""", run + "-%")).isEqualTo(ROWS);
		assertThat(count("""
				SELECT count(*) FROM sighting s JOIN correlation_record c ON c.id = s.record_id
				JOIN report r ON r.id = c.source_id AND c.source_kind = 'REPORT' WHERE r.org_reference LIKE :p""", run + "-%"))
			.isGreaterThanOrEqualTo(ROWS);
		assertThat(count("SELECT count(*) FROM report_processing p JOIN report r ON r.id = p.report_id WHERE r.org_reference LIKE :p",
				run + "-%")).as("nothing is left in the processing queue").isZero();
		assertThat(((Number) finished.get("hits")).longValue()).isPositive();

		// one notice per organisation for the whole import, however many chunks it had
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String inbox = send(get("/api/v1/notifications?size=50", dutch)).body();
			List<Object> hitNotices = JsonPath.read(inbox, "$.items[?(@.topic == 'hit.found')]");
			assertThat(hitNotices).hasSize(1);
		});
	}

	@Test
	void aBurstOfPublicReportsIsAllStoredAuditedAndCorrelatedAndRepeatsAreSpottedEvenWhenSentTogether() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		int reports = 2_000;
		int repeats = 100;
		ExecutorService clients = Executors.newFixedThreadPool(16);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < reports + repeats; i++) {
				// the last hundred repeat the first hundred exactly, from the same address, while they are in flight
				int n = i < reports ? i : i - reports;
				String body = """
						{"offence":"PHISHING","victimCountries":["%s"],"description":"Burst %s number %d: https://burst-%d-%s.xyz/pay"}"""
					.formatted(n % 2 == 0 ? "FR" : "DE", run, n, n / 2, run);
				answers.add(clients.submit(() -> {
					HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/public/reports"))
						.header("Content-Type", "application/json")
						.header("X-Forwarded-For", "198.51.100." + (n % 250))
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build());
					assertThat(answer.statusCode()).isEqualTo(201);
					return JsonPath.read(answer.body(), "$.reference");
				}));
			}
			for (Future<String> answer : answers) {
				assertThat(answer.get()).isNotBlank();
			}
		}
		finally {
			clients.shutdownNow();
		}
		String ofRun = "Burst " + run + " %";
		assertThat(count("SELECT count(*) FROM report WHERE description LIKE :p", ofRun)).isEqualTo(reports + repeats);
		assertThat(count("SELECT count(*) FROM report WHERE description LIKE :p AND status = 'DUPLICATE'", ofRun))
			.as("each repeat is stored as a duplicate of its original, whichever of the two was written first")
			.isEqualTo(repeats);
		assertThat(count("""
				SELECT count(*) FROM report d JOIN report o ON o.id = d.duplicate_of
				WHERE d.description LIKE :p AND o.description = d.description AND o.status <> 'DUPLICATE'""", ofRun))
			.isEqualTo(repeats);
		assertThat(count("""
				SELECT count(*) FROM audit_entry a JOIN report r ON a.object_type = 'report' AND a.object_id = CAST(r.id AS text)
				WHERE r.description LIKE :p AND a.action IN ('report.submitted', 'report.resubmitted')
				AND a.remote_address LIKE '198.51.100.%'""", ofRun))
			.as("every report audited once, with the address it came from").isEqualTo(reports + repeats);
		Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(count("""
				SELECT count(*) FROM correlation_record c JOIN report r ON r.id = c.source_id AND c.source_kind = 'REPORT'
				WHERE r.description LIKE :p""", ofRun)).isEqualTo(reports));
		assertThat(count("""
				SELECT count(DISTINCT i.report_id) FROM report_indicator i JOIN report r ON r.id = i.report_id
				WHERE r.description LIKE :p AND i.type = 'URL'""", ofRun)).isEqualTo(reports);
		assertThat(count("""
				SELECT count(*) FROM hit h JOIN correlation_record c ON c.id = h.record_id
				JOIN report r ON r.id = c.source_id AND c.source_kind = 'REPORT' WHERE r.description LIKE :p""", ofRun))
			.as("each FR/DE pair sharing an address gives both units a hit").isEqualTo(reports);
		assertThat(count("SELECT count(*) FROM report_processing p JOIN report r ON r.id = p.report_id WHERE r.description LIKE :p",
				ofRun)).as("nothing is left in the processing queue").isZero();
	}

	private long count(String sql, String pattern) {
		return jdbc.sql(sql).param("p", pattern).query(Long.class).single();
	}

	private String token(String username) throws Exception {
		return JsonPath.read(send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"demo\"}"))
			.build()).body(), "$.token");
	}

	private HttpRequest post(String path, String token, String type, String body) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private HttpRequest get(String path, String token) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}
}
