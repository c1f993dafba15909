package eu.eccp.training;

import static eu.eccp.DemoTokens.bearer;
import static eu.eccp.training.TrainingTestSupport.courseJson;
import static eu.eccp.training.TrainingTestSupport.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * Calendars are iCalendar (RFC 5545) with a VTIMEZONE per zone, as a real iCalendar library (ical4j) reads them:
 * each course's entry and the personal feed of one's courses. Materials are downloaded by access level: public by
 * anyone, law-enforcement only by public authorities, participants only by the course's participants.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-training-calendar-tests",
		"eccp.training.reminder-interval=1s" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CalendarAndMaterialsTests {

	@Autowired
	MockMvc mvc;

	Calendar parse(byte[] ics) throws Exception {
		String text = new String(ics, StandardCharsets.UTF_8);
		assertThat(text).contains("\r\n");
		assertThat(text.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(75));
		Calendar calendar = new CalendarBuilder().build(new StringReader(text));
		calendar.validate();
		return calendar;
	}

	/** The instant a VEVENT starts at, reading its local time through the file's own VTIMEZONE. */
	static Instant startThroughVTimeZone(Calendar calendar, VEvent event) {
		Property start = event.getRequiredProperty(Property.DTSTART);
		String tzid = start.getParameter("TZID").orElseThrow().getValue();
		VTimeZone zone = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).stream()
			.filter(z -> z.getRequiredProperty(Property.TZID).getValue().equals(tzid)).findFirst().orElseThrow();
		net.fortuna.ical4j.model.TimeZone timeZone = new net.fortuna.ical4j.model.TimeZone(zone);
		LocalDateTime local = LocalDateTime.parse(start.getValue(), java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
		// the offset in force at that local time, by the VTIMEZONE's rules
		long guess = local.toInstant(ZoneOffset.UTC).toEpochMilli();
		int offset = timeZone.getOffset(guess - timeZone.getRawOffset());
		return local.toInstant(ZoneOffset.ofTotalSeconds(offset / 1000));
	}

	@Test
	void aCourseEntryCarriesItsTimeZoneForSummerAndWinterDates() throws Exception {
		String trainer = DemoTokens.token(mvc, "cepol.trainer");
		int year = LocalDate.now(ZoneOffset.UTC).getYear() + 1;
		String summer = published(mvc, trainer, courseJson("Summer; school, \\\"Berlin\\\"", "JUDGE", "AWARENESS", "de",
				LocalDate.of(year, 7, 6), 3, 10, null));
		String winter = published(mvc, trainer, courseJson("Winter school", "JUDGE", "AWARENESS", "de", LocalDate.of(year, 1, 12),
				3, 10, null));
		for (String course : List.of(summer, winter)) {
			byte[] ics = mvc.perform(bearer(get("/api/v1/training/courses/" + course + "/calendar.ics"), trainer))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/calendar")))
				.andReturn().getResponse().getContentAsByteArray();
			Calendar calendar = parse(ics);
			List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
			assertThat(zones).singleElement().satisfies(z -> assertThat(z.getRequiredProperty(Property.TZID).getValue())
				.isEqualTo("Europe/Berlin"));
			List<VEvent> events = calendar.getComponents(Component.VEVENT);
			assertThat(events).hasSize(1);
			VEvent event = events.get(0);
			assertThat(event.getRequiredProperty(Property.UID).getValue()).isEqualTo(course + "@training.eccp");
			String json = mvc.perform(bearer(get("/api/v1/training/courses/" + course), trainer)).andReturn().getResponse()
				.getContentAsString();
			Instant expected = Instant.parse(JsonPath.read(json, "$.startsAtUtc"));
			assertThat(startThroughVTimeZone(calendar, event)).isEqualTo(expected);
			// and ical4j resolves the same instant on its own
			DtStart<Temporal> dtStart = event.<Temporal>getStartDate().orElseThrow();
			assertThat(Instant.from(dtStart.getDate())).isEqualTo(expected);
		}
		byte[] summerIcs = mvc.perform(bearer(get("/api/v1/training/courses/" + summer + "/calendar.ics"), trainer))
			.andReturn().getResponse().getContentAsByteArray();
		VEvent event = parse(summerIcs).<VEvent>getComponents(Component.VEVENT).get(0);
		assertThat(event.getRequiredProperty(Property.SUMMARY).getValue()).isEqualTo("Summer; school, \"Berlin\"");
		assertThat(Instant.parse(JsonPath.read(mvc.perform(bearer(get("/api/v1/training/courses/" + summer), trainer))
			.andReturn().getResponse().getContentAsString(), "$.startsAtUtc")))
			.isEqualTo(LocalDateTime.of(year, 7, 6, 9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());
	}

	@Test
	void thePersonalFeedHoldsTheCoursesOneHasASeatInAndTheyAreRemindedBeforeTheStart() throws Exception {
		String trainer = DemoTokens.token(mvc, "cepol.trainer");
		String course = published(mvc, trainer, courseJson("Feed course", "FIRST_RESPONDER", "EXPERT", "fr",
				LocalDate.now(ZoneOffset.UTC).plusDays(2), 1, 10, null));
		String other = published(mvc, trainer, courseJson("Not mine", "FIRST_RESPONDER", "EXPERT", "fr",
				LocalDate.now(ZoneOffset.UTC).plusDays(20), 1, 10, null));
		String analyst = DemoTokens.token(mvc, "fr.analyst");
		String enrolment = JsonPath.read(mvc.perform(bearer(post("/api/v1/training/courses/" + course + "/enrolments"), analyst))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + enrolment + "/nominate"), DemoTokens.token(mvc, "fr.admin")))
			.andExpect(status().isOk());
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + enrolment + "/accept"), trainer)).andExpect(status().isOk());
		Calendar feed = parse(mvc.perform(bearer(get("/api/v1/training/calendar.ics"), analyst)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray());
		List<String> uids = feed.<VEvent>getComponents(Component.VEVENT).stream()
			.map(e -> e.getRequiredProperty(Property.UID).getValue()).toList();
		assertThat(uids).contains(course + "@training.eccp").doesNotContain(other + "@training.eccp");
		assertThat(feed.<VTimeZone>getComponents(Component.VTIMEZONE)).isNotEmpty();
		// the course starts within three days: the reminder job tells the participant once
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topics(analyst)).contains("training.reminder"));
		assertThat(topics(analyst).stream().filter("training.reminder"::equals).count()).isEqualTo(1);
	}

	@Test
	void materialsAreDownloadedByAccessLevel() throws Exception {
		String trainer = DemoTokens.token(mvc, "cepol.trainer");
		String course = published(mvc, trainer, courseJson("Materials " + UUID.randomUUID(), "PROSECUTOR", "EXPERT", "en",
				LocalDate.now(ZoneOffset.UTC).plusDays(40), 2, 10, null));
		String pub = upload(trainer, course, "Programme", "PUBLIC", "programme.pdf");
		String le = upload(trainer, course, "Case study", "LAW_ENFORCEMENT", "case.pdf");
		String participants = upload(trainer, course, "Exercise image", "PARTICIPANTS", "exercise.pdf");
		mvc.perform(bearer(multipart("/api/v1/training/courses/" + course + "/materials").param("title", "x").param("access", "NOBODY"),
				trainer)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.access").isNotEmpty()).andExpect(jsonPath("$.errors.file").isNotEmpty());
		// only the organiser adds materials
		mvc.perform(bearer(multipart("/api/v1/training/courses/" + course + "/materials")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", "x".getBytes())).param("title", "x")
			.param("access", "PUBLIC"), DemoTokens.token(mvc, "de.analyst"))).andExpect(status().isForbidden());

		// anyone, without an account, downloads the public one only
		mvc.perform(get("/api/v1/public/training/materials/" + pub)).andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("programme.pdf")));
		mvc.perform(get("/api/v1/public/training/materials/" + le)).andExpect(status().isNotFound());

		// a private partner reads public material only
		String partner = DemoTokens.token(mvc, "isp.partner");
		assertThat(visible(partner, course)).containsExactly(pub);
		mvc.perform(bearer(get("/api/v1/training/materials/" + le), partner)).andExpect(status().isNotFound());
		// a national unit's analyst reads law-enforcement material too, not participants' material
		String analyst = DemoTokens.token(mvc, "de.analyst");
		assertThat(visible(analyst, course)).containsExactly(pub, le);
		mvc.perform(bearer(get("/api/v1/training/materials/" + le), analyst)).andExpect(status().isOk());
		mvc.perform(bearer(get("/api/v1/training/materials/" + participants), analyst)).andExpect(status().isNotFound());
		// once accepted, the analyst is a participant
		String enrolment = JsonPath.read(mvc.perform(bearer(post("/api/v1/training/courses/" + course + "/enrolments"), analyst))
			.andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + enrolment + "/nominate"), DemoTokens.token(mvc, "de.training")))
			.andExpect(status().isOk());
		// nominated is not yet a participant
		mvc.perform(bearer(get("/api/v1/training/materials/" + participants), analyst)).andExpect(status().isNotFound());
		mvc.perform(bearer(post("/api/v1/training/enrolments/" + enrolment + "/accept"), trainer)).andExpect(status().isOk());
		assertThat(visible(analyst, course)).containsExactly(pub, le, participants);
		byte[] file = mvc.perform(bearer(get("/api/v1/training/materials/" + participants), analyst)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("content of exercise.pdf");
		// the organiser reads everything
		assertThat(visible(trainer, course)).containsExactly(pub, le, participants);
	}

	String upload(String token, String course, String title, String access, String name) throws Exception {
		return JsonPath.read(mvc.perform(bearer(multipart("/api/v1/training/courses/" + course + "/materials")
			.file(new MockMultipartFile("file", name, "application/pdf", ("content of " + name).getBytes(StandardCharsets.UTF_8)))
			.param("title", title).param("access", access), token))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sha256").isNotEmpty())
			.andReturn().getResponse().getContentAsString(), "$.id");
	}

	List<String> visible(String token, String course) throws Exception {
		return JsonPath.read(mvc.perform(bearer(get("/api/v1/training/courses/" + course + "/materials"), token))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$[*].id");
	}

	List<String> topics(String token) throws Exception {
		return JsonPath.read(mvc.perform(bearer(get("/api/v1/notifications"), token)).andReturn().getResponse()
			.getContentAsString(), "$.items[*].topic");
	}
}
