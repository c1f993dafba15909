package eu.eccp.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * An organisation's client that retries a submission concurrently with one Idempotency-Key gets the
 * original report every time (201 for the first, 200 for the replays), never a 500, and nothing of the
 * report reaches the log.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-idempotent-retries-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class IdempotentRetriesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void tenConcurrentRetriesWithOneKeyAllGetTheOriginalReport(CapturedOutput output) throws Exception {
		String token = DemoTokens.token(mvc, "bank.partner");
		String key = UUID.randomUUID().toString();
		String secret = "Marie Dupont lost 120 EUR " + key;
		String json = """
				{"offence":"PHISHING","residenceCountry":"FR","victimCountries":["FR"],
				 "occurredAt":"2026-11-28T14:30","timeZone":"Europe/Paris","description":"%s",
				 "details":{"urls":["hxxps://bank-secure[.]example/login"]}}""".formatted(secret);
		int clients = 10;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < clients; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + token)
						.header("Idempotency-Key", key)
						.contentType(MediaType.APPLICATION_JSON)
						.content(json)).andReturn().getResponse();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			List<String> ids = new ArrayList<>();
			for (Future<MockHttpServletResponse> answer : answers) {
				MockHttpServletResponse response = answer.get(60, TimeUnit.SECONDS);
				statuses.add(response.getStatus());
				if (response.getStatus() < 300) {
					ids.add(JsonPath.read(response.getContentAsString(), "$.id"));
				}
			}
			assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
			assertThat(ids).hasSize(clients).containsOnly(ids.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM report WHERE idempotency_key = :key").param("key", key)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(output.getAll()).doesNotContain(secret);
	}
}
