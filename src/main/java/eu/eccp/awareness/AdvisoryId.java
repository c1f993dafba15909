package eu.eccp.awareness;

import java.util.Objects;
import java.util.UUID;

/** An advisory's id. */
public record AdvisoryId(UUID value) {

	public AdvisoryId {
		Objects.requireNonNull(value, "value");
	}

	public static AdvisoryId random() {
		return new AdvisoryId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
