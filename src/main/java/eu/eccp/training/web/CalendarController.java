package eu.eccp.training.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Downloads;
import eu.eccp.training.CourseId;
import eu.eccp.training.internal.Catalogue;
import eu.eccp.training.internal.Course;
import eu.eccp.training.internal.CourseCalendar;
import eu.eccp.training.internal.Enrolments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * iCalendar files (RFC 5545): a course's entry, and the caller's personal feed of the courses they hold a seat in,
 * in the pages (session) and the API (bearer token, for calendar programs).
 */
@RestController
@Tag(name = "Training")
class CalendarController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final Catalogue catalogue;
	private final Enrolments enrolments;
	private final CourseCalendar calendar;
	private final MessageSource messages;

	CalendarController(Catalogue catalogue, Enrolments enrolments, CourseCalendar calendar, MessageSource messages) {
		this.catalogue = catalogue;
		this.enrolments = enrolments;
		this.calendar = calendar;
		this.messages = messages;
	}

	@GetMapping({ "/training/courses/{id}/calendar.ics", "/api/v1/training/courses/{id}/calendar.ics" })
	@Operation(summary = "A course as an iCalendar entry (with its VTIMEZONE)")
	ResponseEntity<byte[]> course(@PathVariable UUID id) {
		Course course = catalogue.course(CallerContext.require(), new CourseId(id));
		return ics("course-" + id + ".ics", calendar.calendar(List.of(course), course.title(language()), language()));
	}

	@GetMapping({ "/training/calendar.ics", "/api/v1/training/calendar.ics" })
	@Operation(summary = "The caller's courses (accepted or completed) as an iCalendar feed")
	ResponseEntity<byte[]> mine() {
		CallerContext me = CallerContext.require();
		List<Course> courses = enrolments.myCourses(me);
		return ics("my-courses.ics", calendar.calendar(courses,
				messages.getMessage("training.calendar.mine", null, LocaleContextHolder.getLocale()), language()));
	}

	private static String language() {
		return LocaleContextHolder.getLocale().getLanguage();
	}

	private static ResponseEntity<byte[]> ics(String name, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return Downloads.attachment(name, CALENDAR, bytes.length).body(bytes);
	}
}
