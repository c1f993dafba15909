package eu.eccp.sharing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An agreement as its parties and managers read it, with its collection's TAXII address. */
public record AgreementView(UUID id, String name, String description, List<Party> sharingOrganisations,
		List<Party> receivingOrganisations, List<String> indicatorTypes, List<String> personalTypes,
		List<String> clearValueTypes, @Nullable String clearValuePurpose, boolean pseudonymousSources, String tlp,
		String pap, Iep iep, LocalDate validFrom, @Nullable LocalDate validUntil, boolean writable, boolean publicClear,
		boolean active,
		Instant createdAt, @Nullable Instant endedAt, String taxiiCollection, String mispFeed) {

	/** An organisation party to the agreement. */
	public record Party(UUID id, String shortName, String name) {
	}
}
