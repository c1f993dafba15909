package eu.eccp.training;

import java.util.UUID;

/** A course of the training catalogue. */
public record CourseId(UUID value) {

	public static CourseId random() {
		return new CourseId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
