/**
 * Notifications: tells organisations about what needs their attention (a case invitation, an urgent
 * request, an escalation, a cross-border hit) in the in-app inbox, by e-mail and by signed webhooks.
 *
 * <p>Published: {@link eu.eccp.notifications.Notifications}, which other modules call with a
 * {@link eu.eccp.notifications.Notice}; delivery happens after the sender's transaction commits, through
 * the event publication registry, so a crash loses no notice.
 */
@NullMarked
@ApplicationModule(displayName = "Notifications")
package eu.eccp.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
