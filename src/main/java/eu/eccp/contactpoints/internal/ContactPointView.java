package eu.eccp.contactpoints.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.organisations.OrganisationType;

/**
 * One entry of the directory: who the contact point is, what it can act on, when and how to reach it, and
 * its backup contact.
 *
 * @param alwaysOpen staffed 24/7; otherwise open Monday to Friday from {@code officeOpens} to
 *        {@code officeCloses} in {@code timeZone}
 * @param openNow whether it is staffed at the moment of the answer
 * @param platformChannel whether it takes requests through the platform
 * @param editable whether the caller may edit this entry
 */
public record ContactPointView(UUID organisationId, String name, String shortName, OrganisationType type,
		String country, String description, List<Capability> capabilities, List<String> languages,
		boolean alwaysOpen, @Nullable LocalTime officeOpens, @Nullable LocalTime officeCloses, String timeZone,
		boolean openNow, @Nullable String phone, @Nullable String email, boolean platformChannel,
		Backup backup, Instant updatedAt, boolean editable) {

	/** Who is told when the contact point does not acknowledge in time. */
	public record Backup(@Nullable String name, @Nullable String phone, @Nullable String email,
			@Nullable UUID userId) {

		public boolean isEmpty() {
			return name == null && phone == null && email == null && userId == null;
		}
	}
}
