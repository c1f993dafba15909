package eu.eccp.training.internal;

/** Two published courses that look like the same offer (see {@link Overlap}). */
public record LikelyDuplicate(Course first, Overlap overlap) {
}
