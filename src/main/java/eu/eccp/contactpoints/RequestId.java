package eu.eccp.contactpoints;

import java.util.Objects;
import java.util.UUID;

/** Identifies an urgent request between two organisations. */
public record RequestId(UUID value) {

	public RequestId {
		Objects.requireNonNull(value, "value");
	}

	public static RequestId random() {
		return new RequestId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
