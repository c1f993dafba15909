package eu.eccp.training.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;
import eu.eccp.training.CourseId;

/** An official's application to a course and where it stands. */
public record Enrolment(UUID id, CourseId course, UserId person, String personName, OrganisationId organisation,
		CountryCode country, EnrolmentStatus status, @Nullable String motivation, Instant appliedAt,
		@Nullable Instant nominatedAt, @Nullable Instant decidedAt, @Nullable Instant waitListedAt,
		@Nullable Instant withdrawnAt, boolean attended, @Nullable Instant completedAt, @Nullable String certificateCode) {

	/** Whether the official (or their coordinator) may still withdraw it. */
	public boolean isWithdrawable() {
		return status == EnrolmentStatus.APPLIED || status == EnrolmentStatus.NOMINATED || status == EnrolmentStatus.ACCEPTED
				|| status == EnrolmentStatus.WAIT_LISTED;
	}
}
