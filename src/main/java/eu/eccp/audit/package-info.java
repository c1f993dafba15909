/**
 * The tamper-evident audit trail: who saw and changed what, when and from where.
 *
 * <p>Other modules record through {@link eu.eccp.audit.AuditTrail}. Entries are hash-chained; a
 * verification reports the first broken link.
 */
@NullMarked
@ApplicationModule(displayName = "Audit trail",
		allowedDependencies = { "shared" })
package eu.eccp.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
