package eu.eccp.training.internal;

import java.time.Instant;
import java.util.UUID;

import eu.eccp.training.CourseId;

/** A file of a course (slides, handbook, exercise) with who may download it. */
public record Material(UUID id, CourseId course, String title, MaterialAccess access, String fileName, String contentType,
		long size, String sha256, String storageKey, Instant uploadedAt) {
}
