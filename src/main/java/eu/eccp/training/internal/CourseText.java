package eu.eccp.training.internal;

/** A course's title and description in one language (ISO 639-1). */
public record CourseText(String language, String title, String description) {
}
