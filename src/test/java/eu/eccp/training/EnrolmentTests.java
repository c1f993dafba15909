package eu.eccp.training;

import static eu.eccp.DemoTokens.bearer;
import static eu.eccp.training.TrainingTestSupport.courseJson;
import static eu.eccp.training.TrainingTestSupport.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * Enrolment: an official applies, the national training coordinator of their organisation nominates within the
 * country's quota, the organiser accepts or wait-lists; a withdrawal gives the seat to the first on the wait list;
 * attendance and completion give a certificate whose code the public page verifies. People are told through the
 * notifications module.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-training-enrolment-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EnrolmentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String course(int seats, Integer quota) throws Exception {
		return published(mvc, DemoTokens.token(mvc, "cepol.trainer"), courseJson("Course " + UUID.randomUUID(),
				"FIRST_RESPONDER", "AWARENESS", "en", LocalDate.now(ZoneOffset.UTC).plusDays(30), 2, seats, quota));
	}

	String apply(String token, String course) throws Exception {
		return JsonPath.read(mvc.perform(bearer(post("/api/v1/training/courses/" + course + "/enrolments"), token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"motivation\":\"Needed for my unit.\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("APPLIED"))
			.andReturn().getResponse().getContentAsString(), "$.id");
	}

	String decide(String token, String enrolment, String action, String expected) throws Exception {
		return mvc.perform(bearer(post("/api/v1/training/enrolments/" + enrolment + "/" + action), token))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value(expected))
			.andReturn().getResponse().getContentAsString();
	}

	String statusOf(String token, String enrolment) throws Exception {
		List<String> found = JsonPath.read(mvc.perform(bearer(get("/api/v1/training/enrolments"), token))
			.andReturn().getResponse().getContentAsString(), "$[?(@.id == '" + enrolment + "')].status");
		return found.get(0);
	}

	@Test
	void aCoordinatorNominatesWithinTheCountrysQuota() throws Exception {
		String course = course(10, 1);
		String deAnalyst = DemoTokens.token(mvc, "de.analyst");
		String deCoordinator = DemoTokens.token(mvc, "de.training");
		String first = apply(deAnalyst, course);
		String second = apply(deCoordinator, course);
		// applying twice is refused
		mvc.perform(bearer(post("/api/v1/training/courses/" + course + "/enrolments"), deAnalyst))
			.andExpect(status().isConflict());
		// the coordinator sees both applications of the German unit; another country's coordinator sees none of them
		mvc.perform(bearer(get("/api/v1/training/nominations"), deCoordinator))
			.andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.hasItems(first, second)));
		String frCoordinator = DemoTokens.token(mvc, "fr.admin");
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + first + "/nominate"), frCoordinator))
			.andExpect(status().isNotFound());
		// nor may the official nominate themselves
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + first + "/nominate"), deAnalyst))
			.andExpect(status().isNotFound());

		decide(deCoordinator, first, "nominate", "NOMINATED");
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + second + "/nominate"), deCoordinator))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.quota").isNotEmpty());
		// the French quota is apart from the German one
		String french = apply(DemoTokens.token(mvc, "fr.analyst"), course);
		decide(frCoordinator, french, "nominate", "NOMINATED");
		// a withdrawal frees the German place
		decide(deAnalyst, first, "withdraw", "WITHDRAWN");
		decide(deCoordinator, second, "nominate", "NOMINATED");

		// the organiser sees nominations, never mere applications
		String organiser = mvc.perform(bearer(get("/api/v1/training/courses/" + course + "/enrolments"),
				DemoTokens.token(mvc, "cepol.trainer"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(organiser, "$[*].status")).doesNotContain("APPLIED");
		mvc.perform(bearer(get("/api/v1/training/courses/" + course + "/enrolments"), DemoTokens.token(mvc, "trainer")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anOrganisationWithoutATrainingCoordinatorCannotApplyNorCanAPrivatePartner() throws Exception {
		String course = course(10, null);
		mvc.perform(bearer(post("/api/v1/training/courses/" + course + "/enrolments"), DemoTokens.token(mvc, "nl.analyst")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.course").value(org.hamcrest.Matchers.containsString("coordinator")));
		mvc.perform(bearer(post("/api/v1/training/courses/" + course + "/enrolments"), DemoTokens.token(mvc, "isp.partner")))
			.andExpect(status().isForbidden());
	}

	@Test
	void freedSeatsGoToTheWaitListInOrder() throws Exception {
		String course = course(1, null);
		String organiser = DemoTokens.token(mvc, "cepol.trainer");
		String deAnalyst = DemoTokens.token(mvc, "de.analyst");
		String deTraining = DemoTokens.token(mvc, "de.training");
		String frAnalyst = DemoTokens.token(mvc, "fr.analyst");
		String deCoordinator = deTraining;
		String frCoordinator = DemoTokens.token(mvc, "fr.admin");
		String a = apply(deAnalyst, course);
		String b = apply(frAnalyst, course);
		String c = apply(deTraining, course);
		decide(deCoordinator, a, "nominate", "NOMINATED");
		decide(frCoordinator, b, "nominate", "NOMINATED");
		decide(deCoordinator, c, "nominate", "NOMINATED");
		// the organiser cannot decide on an application the coordinator has not nominated
		decide(organiser, a, "accept", "ACCEPTED");
		// the course is full: no second acceptance
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + b + "/accept"), organiser))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.seats").isNotEmpty());
		decide(organiser, b, "wait-list", "WAIT_LISTED");
		decide(organiser, c, "wait-list", "WAIT_LISTED");

		// the accepted and the wait-listed are told
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(topics(deAnalyst)).contains("training.accepted");
			assertThat(topics(frAnalyst)).contains("training.wait_listed");
		});

		decide(deAnalyst, a, "withdraw", "WITHDRAWN");
		assertThat(statusOf(frAnalyst, b)).isEqualTo("ACCEPTED");
		assertThat(statusOf(deTraining, c)).isEqualTo("WAIT_LISTED");
		decide(frAnalyst, b, "withdraw", "WITHDRAWN");
		assertThat(statusOf(deTraining, c)).isEqualTo("ACCEPTED");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topics(frAnalyst)).contains("training.accepted"));
	}

	@Test
	void cancellingACourseEndsAndTellsEveryApplicationOrPlaceThatStood() throws Exception {
		String course = course(1, null);
		String organiser = DemoTokens.token(mvc, "cepol.trainer");
		String deAnalyst = DemoTokens.token(mvc, "de.analyst");
		String frAnalyst = DemoTokens.token(mvc, "fr.analyst");
		String deTraining = DemoTokens.token(mvc, "de.training");
		String accepted = apply(deAnalyst, course);
		decide(deTraining, accepted, "nominate", "NOMINATED");
		decide(organiser, accepted, "accept", "ACCEPTED");
		String applied = apply(frAnalyst, course);
		long before = jdbc.sql("SELECT count(*) FROM notice WHERE topic = 'training.cancelled'").query(Long.class).single();

		mvc.perform(bearer(post("/api/v1/training/courses/" + course + "/cancel"), organiser)).andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(topics(deAnalyst)).contains("training.cancelled");
			assertThat(topics(frAnalyst)).contains("training.cancelled");
		});
		assertThat(jdbc.sql("SELECT count(*) FROM notice WHERE topic = 'training.cancelled'").query(Long.class).single())
			.as("one notice per application or place, to its person only").isEqualTo(before + 2);
		assertThat(statusOf(deAnalyst, accepted)).as("the place ends").isEqualTo("CANCELLED");
		assertThat(statusOf(frAnalyst, applied)).as("the application ends").isEqualTo("CANCELLED");
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + applied + "/withdraw"), frAnalyst))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void aCompletedParticipantGetsACertificateWhoseCodeThePublicPageVerifies() throws Exception {
		String course = course(5, 2);
		String organiser = DemoTokens.token(mvc, "cepol.trainer");
		String deAnalyst = DemoTokens.token(mvc, "de.analyst");
		String enrolment = apply(deAnalyst, course);
		decide(DemoTokens.token(mvc, "de.training"), enrolment, "nominate", "NOMINATED");
		decide(organiser, enrolment, "accept", "ACCEPTED");
		// nothing to complete before the course starts
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + enrolment + "/attendance"), organiser)
			.contentType(MediaType.APPLICATION_JSON).content("{\"attended\":true}")).andExpect(status().isUnprocessableContent());
		// time passes: the course took place
		jdbc.sql("UPDATE training_course SET starts_at = now() - interval '3 days', ends_at = now() - interval '2 days',"
				+ " application_deadline = now() - interval '4 days' WHERE id = :id").param("id", UUID.fromString(course)).update();
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + enrolment + "/complete"), organiser))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + enrolment + "/attendance"), organiser)
			.contentType(MediaType.APPLICATION_JSON).content("{\"attended\":true}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.attended").value(true));
		String completed = decide(organiser, enrolment, "complete", "COMPLETED");
		String code = JsonPath.read(completed, "$.certificateCode");
		assertThat(code).matches("[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}");

		byte[] pdf = mvc.perform(bearer(get("/api/v1/training/enrolments/" + enrolment + "/certificate"), deAnalyst))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
		String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
		reader.close();
		assertThat(text).contains("Jonas Weber (DE unit)").contains(code).contains("/training/public/verify?code=");
		// nobody else downloads it
		mvc.perform(bearer(get("/api/v1/training/enrolments/" + enrolment + "/certificate"), organiser))
			.andExpect(status().isNotFound());

		// the public check, without an account, in any spelling of the code
		mvc.perform(get("/api/v1/public/training/certificates/" + code.toLowerCase().replace("-", "")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.holder").value("Jonas Weber (DE unit)"));
		mvc.perform(get("/api/v1/public/training/certificates/AAAAA-BBBBB-CCCCC"))
			.andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.holder").doesNotExist());
		String page = mvc.perform(get("/training/public/verify").param("code", code))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("verify-valid").contains("Jonas Weber (DE unit)").doesNotContain("??");
		assertThat(mvc.perform(get("/training/public/verify").param("code", "nonsense")).andReturn().getResponse()
			.getContentAsString()).contains("verify-invalid");
	}

	List<String> topics(String token) throws Exception {
		return JsonPath.read(mvc.perform(bearer(get("/api/v1/notifications"), token)).andReturn().getResponse()
			.getContentAsString(), "$.items[*].topic");
	}
}
