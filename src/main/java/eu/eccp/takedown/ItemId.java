package eu.eccp.takedown;

import java.util.Objects;
import java.util.UUID;

/** A content item: one web address reported as illegal content. */
public record ItemId(UUID value) {

	public ItemId {
		Objects.requireNonNull(value, "value");
	}

	public static ItemId random() {
		return new ItemId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
