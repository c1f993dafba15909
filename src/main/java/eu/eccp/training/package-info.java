/**
 * The EU cyber crime training platform: one catalogue of courses from every organiser (CEPOL, ECTEG, EJTN,
 * Europol, national police and judicial academies), the national units' training needs against the seats
 * offered, enrolment with national nomination, country quotas and a wait list, certificates of completion a
 * public page verifies, calendars (iCalendar) and course materials with access levels.
 *
 * <p>Organisers are the organisations of people with the {@code TRAINER} role. A <em>national training
 * coordinator</em> is a designation of this module, not a platform role: an organisation's administrator
 * designates some of its people ({@code training_coordinator}); they nominate the organisation's officials and
 * record its needs. A role would have given the same power in every module and to every organisation type; the
 * designation stays where it is used.
 *
 * <p>Published: {@link eu.eccp.training.CourseId}.
 */
@NullMarked
@ApplicationModule(displayName = "Training",
		allowedDependencies = { "shared", "organisations", "audit", "notifications" })
package eu.eccp.training;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
