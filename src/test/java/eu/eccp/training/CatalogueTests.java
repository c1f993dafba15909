package eu.eccp.training;

import static eu.eccp.DemoTokens.bearer;
import static eu.eccp.training.TrainingTestSupport.courseJson;
import static eu.eccp.training.TrainingTestSupport.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * The catalogue: trainers publish courses of their organisation, everyone signed in searches them; before
 * publishing, the organiser sees the overlapping offers (same role and level, a shared language, overlapping dates
 * or the same quarter); coordinators see the likely duplicates.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-training-catalogue-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CatalogueTests {

	@Autowired
	MockMvc mvc;

	String trainer;
	String cepol;

	@BeforeEach
	void tokens() throws Exception {
		trainer = DemoTokens.token(mvc, "trainer");
		cepol = DemoTokens.token(mvc, "cepol.trainer");
	}

	/** A Monday in the middle of a quarter a year and a half ahead, so that ±days stay in that quarter. */
	static LocalDate midQuarter(int quartersAhead) {
		LocalDate now = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
		LocalDate quarterStart = now.withMonth(((now.getMonthValue() - 1) / 3) * 3 + 1).plusMonths(3L * quartersAhead);
		return quarterStart.plusMonths(1).plusDays(10);
	}

	@Test
	void aDraftIsSeenByItsOrganiserOnlyUntilItIsPublished() throws Exception {
		String title = "Draft " + UUID.randomUUID();
		String id = JsonPath.read(mvc.perform(bearer(post("/api/v1/training/courses"), trainer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(courseJson(title, "MALWARE_ANALYST", "EXPERT", "it", midQuarter(6), 2, 10, null)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.course.status").value("DRAFT"))
			.andExpect(jsonPath("$.course.timeZone").value("Europe/Berlin"))
			.andExpect(jsonPath("$.course.startsAt").value(Matchers.endsWith("T09:00:00")))
			.andReturn().getResponse().getContentAsString(), "$.course.id");
		String analyst = DemoTokens.token(mvc, "de.analyst");
		mvc.perform(bearer(get("/api/v1/training/courses/" + id), analyst)).andExpect(status().isNotFound());
		mvc.perform(bearer(get("/api/v1/training/courses").param("q", title), analyst))
			.andExpect(jsonPath("$.total").value(0));
		// another organiser can neither see nor publish it
		mvc.perform(bearer(post("/api/v1/training/courses/" + id + "/publish"), cepol)).andExpect(status().isNotFound());

		mvc.perform(bearer(post("/api/v1/training/courses/" + id + "/publish"), trainer))
			.andExpect(status().isOk()).andExpect(jsonPath("$.course.status").value("PUBLISHED"));
		mvc.perform(bearer(post("/api/v1/training/courses/" + id + "/publish"), trainer)).andExpect(status().isConflict());
		mvc.perform(bearer(get("/api/v1/training/courses").param("q", title), analyst))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].organiserName").value("ECCP Platform Operator (demo)"));
		// visible, but not another organiser's to change
		mvc.perform(bearer(post("/api/v1/training/courses/" + id + "/cancel"), cepol)).andExpect(status().isForbidden());
	}

	@Test
	void onlyTrainersPublishCourses() throws Exception {
		mvc.perform(bearer(post("/api/v1/training/courses"), DemoTokens.token(mvc, "de.analyst"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(courseJson("Not mine", "JUDGE", "EXPERT", "de", midQuarter(6), 1, 10, null)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCourseThatBreaksTheRulesIsRefusedFieldByField() throws Exception {
		mvc.perform(bearer(post("/api/v1/training/courses"), trainer).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"texts":[{"language":"xx","title":"T"}],"roles":[{"role":"WIZARD","level":"EXPERT"}],
					 "format":"RESIDENTIAL","languages":[],"audiences":["NOBODY"],"timeZone":"Mars/Olympus",
					 "startsAt":"2030-05-02T09:00","endsAt":"2030-05-01T09:00","applicationDeadline":"2030-06-01",
					 "seats":0,"countryQuota":5,"costEur":"-3"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.texts").isNotEmpty())
			.andExpect(jsonPath("$.errors.roles").isNotEmpty())
			.andExpect(jsonPath("$.errors.languages").isNotEmpty())
			.andExpect(jsonPath("$.errors.audiences").isNotEmpty())
			.andExpect(jsonPath("$.errors.timeZone").isNotEmpty())
			.andExpect(jsonPath("$.errors.endsAt").isNotEmpty())
			.andExpect(jsonPath("$.errors.applicationDeadline").isNotEmpty())
			.andExpect(jsonPath("$.errors.seats").isNotEmpty())
			.andExpect(jsonPath("$.errors.costEur").isNotEmpty())
			.andExpect(jsonPath("$.errors.venue").isNotEmpty());
	}

	@Test
	void overlappingOffersShareARoleAtTheSameLevelALanguageAndTheirDatesOrQuarter() throws Exception {
		LocalDate start = midQuarter(5);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String existing = published(mvc, cepol, courseJson("Existing " + tag, "MOBILE_FORENSICS_EXAMINER", "EXPERT", "sk",
				start, 3, 20, null));
		// same quarter, three weeks later; other level; other language; next quarter
		String sameQuarter = published(mvc, cepol, courseJson("Later " + tag, "MOBILE_FORENSICS_EXAMINER", "EXPERT", "sk",
				start.plusDays(21), 2, 20, null));
		published(mvc, cepol, courseJson("Other level " + tag, "MOBILE_FORENSICS_EXAMINER", "ADVANCED", "sk", start, 3, 20, null));
		published(mvc, cepol, courseJson("Other language " + tag, "MOBILE_FORENSICS_EXAMINER", "EXPERT", "sl", start, 3, 20, null));
		published(mvc, cepol, courseJson("Next quarter " + tag, "MOBILE_FORENSICS_EXAMINER", "EXPERT", "sk", start.plusMonths(3), 3,
				20, null));

		String answer = mvc.perform(bearer(post("/api/v1/training/courses"), trainer).contentType(MediaType.APPLICATION_JSON)
			.content(courseJson("New " + tag, "MOBILE_FORENSICS_EXAMINER", "EXPERT", "sk", start.plusDays(1), 2, 12, null)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		List<String> overlapping = JsonPath.read(answer, "$.overlaps[*].courseId");
		assertThat(overlapping).containsExactly(existing, sameQuarter);
		assertThat((List<Boolean>) JsonPath.read(answer, "$.overlaps[*].datesOverlap")).containsExactly(true, false);
		assertThat((List<String>) JsonPath.read(answer, "$.overlaps[0].sharedLanguages")).containsExactly("sk");
		assertThat((List<String>) JsonPath.read(answer, "$.overlaps[0].sharedRoles[*].level")).containsExactly("EXPERT");

		// the coordinators' list pairs the published ones that overlap
		String coordinator = DemoTokens.token(mvc, "europol.coordinator");
		String duplicates = mvc.perform(bearer(get("/api/v1/training/duplicates").param("size", "500"), coordinator))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> firsts = JsonPath.read(duplicates, "$.items[*].first.id");
		List<String> seconds = JsonPath.read(duplicates, "$.items[*].overlap.courseId");
		assertThat(firsts).contains(existing);
		int index = firsts.indexOf(existing);
		assertThat(seconds.get(index)).isEqualTo(sameQuarter);
		// the demo's two cryptocurrency courses are one such pair
		assertThat(JsonPath.<List<String>>read(duplicates, "$.items[*].first.texts[0].title"))
			.contains("Cryptocurrency investigations");
		mvc.perform(bearer(get("/api/v1/training/duplicates"), DemoTokens.token(mvc, "de.analyst")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCatalogueIsSearchedByRoleLanguageAndFormatAndPaged() throws Exception {
		String analyst = DemoTokens.token(mvc, "de.analyst");
		mvc.perform(bearer(get("/api/v1/training/courses").param("role", "JUDGE").param("language", "de"), analyst))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].texts[0].title").value(Matchers.hasItem("Electronic evidence for judges and prosecutors")))
			.andExpect(jsonPath("$.items[*].roles[*].role").value(Matchers.hasItem("JUDGE")));
		mvc.perform(bearer(get("/api/v1/training/courses").param("format", "ONLINE").param("size", "1"), analyst))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].format").value("ONLINE"));
		mvc.perform(bearer(get("/api/v1/training/courses").param("size", "0"), analyst)).andExpect(status().isBadRequest());
	}

	@Test
	void theCataloguePagesRenderWithoutRawKeys() throws Exception {
		org.springframework.mock.web.MockHttpSession session = login("cepol.trainer");
		String page = mvc.perform(get("/training").session(session).param("page", "-3"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Cryptocurrency investigations").doesNotContain("??");
		String form = mvc.perform(get("/training/courses/new").session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(form).contains("Digital forensics examiner").doesNotContain("??");
		String refused = mvc.perform(post("/training/courses").session(session).with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("textTitle", "").param("format", "ONLINE"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("texts-error").contains("roles-error").doesNotContain("??");
		String demoCourse = java.util.UUID.nameUUIDFromBytes("eccp-demo-course:cepol-crypto".getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString();
		String coursePage = mvc.perform(get("/training/courses/" + demoCourse).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(coursePage).contains("Cryptocurrency investigations").contains("overlap-warning").doesNotContain("??");
		for (String path : List.of("/training/enrolments", "/training/needs", "/training/courses/" + demoCourse + "/edit")) {
			assertThat(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString()).as(path).doesNotContain("??");
		}
		org.springframework.mock.web.MockHttpSession analyst = login("de.analyst");
		assertThat(mvc.perform(get("/training/courses/" + demoCourse).session(analyst)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("apply-form").doesNotContain("??");
	}

	org.springframework.mock.web.MockHttpSession login(String username) throws Exception {
		return (org.springframework.mock.web.MockHttpSession) mvc.perform(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestBuilders.formLogin("/login").user(username).password("demo"))
			.andReturn().getRequest().getSession();
	}
}
