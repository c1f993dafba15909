package eu.eccp.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies an organisation (a national unit, a contact point, a partner...). */
public record OrganisationId(UUID value) {

	public OrganisationId {
		Objects.requireNonNull(value, "value");
	}

	public static OrganisationId random() {
		return new OrganisationId(UUID.randomUUID());
	}

	public static OrganisationId parse(String text) {
		return new OrganisationId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
