package eu.eccp.training.internal;

import java.util.List;

/**
 * A published course offering what another one offers: a role at the same level, in a language they share, at
 * overlapping dates or in the same quarter.
 *
 * @param datesOverlap whether the two run at the same time (otherwise they start in the same quarter)
 */
public record Overlap(Course other, boolean datesOverlap, List<ServedRole> sharedRoles, List<String> sharedLanguages) {

	/** How {@code other} overlaps {@code course}. */
	static Overlap between(ValidCourse course, Course other) {
		ValidCourse o = other.details();
		boolean dates = !o.startsAt().isAfter(course.endsAt()) && !o.endsAt().isBefore(course.startsAt());
		return new Overlap(other, dates, course.roles().stream().filter(o.roles()::contains).toList(),
				course.languages().stream().filter(o.languages()::contains).toList());
	}
}
