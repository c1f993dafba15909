package eu.eccp.training;

import static eu.eccp.DemoTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Courses as the tests write them through the API. */
final class TrainingTestSupport {

	private TrainingTestSupport() {
	}

	static String courseJson(String title, String role, String level, String language, LocalDate start, int days,
			int seats, Integer quota) {
		return """
				{"texts":[{"language":"%s","title":"%s","description":"A course."}],
				 "roles":[{"role":"%s","level":"%s"}],"format":"ONLINE","languages":["%s"],"audiences":["LAW_ENFORCEMENT"],
				 "timeZone":"Europe/Berlin","startsAt":"%sT09:00","endsAt":"%sT17:00","seats":%d,"countryQuota":%s,
				 "applicationDeadline":"%s","costEur":"0"}"""
			.formatted(language, title, role, level, language, start, start.plusDays(days - 1), seats,
					quota == null ? "null" : quota.toString(), LocalDate.now(ZoneOffset.UTC).plusDays(1).isBefore(start)
							? LocalDate.now(ZoneOffset.UTC).plusDays(1) : start.minusDays(1));
	}

	/** Creates and publishes a course as the trainer; returns its id. */
	static String published(MockMvc mvc, String trainer, String json) throws Exception {
		String id = JsonPath.read(mvc.perform(bearer(post("/api/v1/training/courses"), trainer)
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.course.id");
		mvc.perform(bearer(post("/api/v1/training/courses/" + id + "/publish"), trainer)).andExpect(status().isOk());
		return id;
	}
}
