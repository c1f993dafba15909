package eu.eccp.training.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.training.internal.Course;
import eu.eccp.training.internal.CourseDraft;
import eu.eccp.training.internal.Overlap;

/** The training API's payloads. */
final class TrainingJson {

	private TrainingJson() {
	}

	/** A course; times both local to its {@code timeZone} and as UTC instants. */
	record CourseDto(UUID id, UUID organiser, String organiserName, String status, List<CourseDraft.Text> texts,
			List<CourseDraft.RoleLevel> roles, String format, List<String> languages, List<String> audiences,
			String timeZone, LocalDateTime startsAt, LocalDateTime endsAt, Instant startsAtUtc, Instant endsAtUtc,
			@Nullable String venue, int seats, @Nullable Integer countryQuota, LocalDate applicationDeadline,
			@Nullable String prerequisites, @Nullable BigDecimal costEur, @Nullable String funding,
			@Nullable Instant publishedAt) {

		static CourseDto of(Course c) {
			CourseDraft d = c.details().toDraft();
			return new CourseDto(c.id().value(), c.organiser().value(), c.organiserName(), c.status().name(), d.texts(),
					d.roles(), d.format(), d.languages(), d.audiences(), d.timeZone(), c.details().localStart(),
					c.details().localEnd(), c.details().startsAt(), c.details().endsAt(), c.details().venue(),
					c.details().seats(), c.details().countryQuota(), c.details().lastApplicationDay(),
					c.details().prerequisites(), c.details().costEur(), c.details().funding(), c.publishedAt());
		}
	}

	/** A published course overlapping another one, and why. */
	record OverlapDto(UUID courseId, String title, String organiserName, LocalDateTime startsAt, String timeZone,
			boolean datesOverlap, List<CourseDraft.RoleLevel> sharedRoles, List<String> sharedLanguages) {

		static OverlapDto of(Overlap o) {
			return new OverlapDto(o.other().id().value(), o.other().title(null), o.other().organiserName(),
					o.other().details().localStart(), o.other().details().zone().getId(), o.datesOverlap(),
					o.sharedRoles().stream().map(r -> new CourseDraft.RoleLevel(r.role().name(), r.level().name())).toList(),
					o.sharedLanguages());
		}
	}

	/** A course with the offers overlapping it (answer to creating, changing and publishing). */
	record CourseWithOverlaps(CourseDto course, List<OverlapDto> overlaps) {
	}

	record DuplicateDto(CourseDto first, OverlapDto overlap) {
	}
}
