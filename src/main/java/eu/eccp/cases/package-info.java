/**
 * Cases: shared cross-border cases. A unit opens a case (from scratch, from reports, a hit or a cluster),
 * invites other units, and the members work it together: tasks, notes, a message thread, evidence with
 * its chain of custody, a timeline of everything that happened, and an export that a recipient can verify.
 * Every entry carries a TLP marking; TLP:RED entries stay with their author's organisation.
 *
 * <p>Published: {@link eu.eccp.cases.CaseId}, the events {@link eu.eccp.cases.CaseOpened} and
 * {@link eu.eccp.cases.CaseShared}, and {@link eu.eccp.cases.CaseCounts} (the dashboard's counts).
 */
@NullMarked
@ApplicationModule(displayName = "Cases",
		allowedDependencies = { "shared", "organisations", "audit", "notifications", "indicators", "correlation", "reporting" })
package eu.eccp.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
