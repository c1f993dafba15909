package eu.eccp.platform;

import static eu.eccp.DemoTokens.bearer;
import static eu.eccp.DemoTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.correlation.Sightings;
import eu.eccp.platform.internal.EventReplay;

/**
 * A module event whose listener fails is not lost: it counts as incomplete (and as stuck once it has failed
 * often) and is replayed with a growing wait until its listener succeeds.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-event-replay-tests",
		"eccp.background.replay-interval=300ms", "eccp.background.replay-max-backoff=300ms",
		"eccp.background.stuck-after=2" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EventReplayTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventReplay replay;

	@MockitoSpyBean
	Sightings sightings;

	@Test
	void aFailingListenerIsReplayedUntilItSucceeds() throws Exception {
		String marker = "replay-" + UUID.randomUUID().toString().substring(0, 8);
		AtomicInteger failures = eu.eccp.FailingSightings.failFirst(sightings, marker, 3);

		String opened = mvc.perform(bearer(post("/api/v1/cases"), token(mvc, "fr.analyst"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title":"Replay check","summary":"Phishing at https://%s.xyz/login","offences":["PHISHING"],"tlp":"AMBER"}"""
				.formatted(marker)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		UUID caseId = UUID.fromString(JsonPath.read(opened, "$.caseFile.id"));

		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(replay.backlog().stuck()).as("a listener that keeps failing counts as stuck").isPositive());
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
			.sql("SELECT count(*) FROM correlation_record WHERE source_kind = 'CASE' AND source_id = :id")
			.param("id", caseId).query(Long.class).single() == 1);
		assertThat(failures.get()).isGreaterThanOrEqualTo(4);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> replay.backlog().stuck() == 0);
	}
}
