package eu.eccp.training.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.OrganisationId;
import eu.eccp.training.CourseId;

/** A course of the catalogue, as stored. */
public record Course(CourseId id, OrganisationId organiser, String organiserName, CourseStatus status,
		ValidCourse details, Instant updatedAt, @Nullable Instant publishedAt) {

	public boolean isPublished() {
		return status == CourseStatus.PUBLISHED;
	}

	/** Whether applications are taken at that moment. */
	public boolean takesApplications(Instant now) {
		return isPublished() && now.isBefore(details.applicationDeadline());
	}

	public boolean hasStarted(Instant now) {
		return !now.isBefore(details.startsAt());
	}

	public String title(@Nullable String language) {
		return details.text(language).title();
	}
}
