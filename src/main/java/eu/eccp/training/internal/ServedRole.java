package eu.eccp.training.internal;

/** A competency-framework role a course serves, at a level. */
public record ServedRole(CompetencyRole role, Level level) {
}
