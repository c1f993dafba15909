package eu.eccp.training.internal;

import java.time.Instant;
import java.util.UUID;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;

/** A national unit's need: so many officials to train in a role at a level in a year, with a priority. */
public record TrainingNeed(UUID id, OrganisationId organisation, CountryCode country, int year, CompetencyRole role,
		Level level, int officials, Priority priority, Instant recordedAt) {
}
