/**
 * The 24/7 contact-point network: a directory of national 24/7 points (Budapest Convention, Art. 35) and
 * private-sector contact points, and urgent requests between organisations (expedited preservation,
 * disclosure of preserved traffic data, emergency disclosure, mutual assistance) with deadlines,
 * escalation, preservation expiry and a message thread.
 *
 * <p>Published: the {@link eu.eccp.contactpoints.RequestId}, {@link eu.eccp.contactpoints.RequestKind} and
 * {@link eu.eccp.contactpoints.RequestStatus} value types, and {@link eu.eccp.contactpoints.OpenRequests} (the
 * dashboard's count of requests waiting for the caller's organisation), {@link eu.eccp.contactpoints.ContentRemovalDesks},
 * {@link eu.eccp.contactpoints.PreservationRequests} (an urgent preservation request another module opens, e.g. for a
 * takedown item's host, linked back to its origin) and {@link eu.eccp.contactpoints.BackupContacts} (whom to escalate
 * to: an organisation's backup contact, a country's 24/7 point).
 */
@NullMarked
@ApplicationModule(displayName = "24/7 contact points and urgent requests",
		allowedDependencies = { "shared", "organisations", "audit", "notifications", "indicators" })
package eu.eccp.contactpoints;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
