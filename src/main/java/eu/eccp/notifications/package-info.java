/**
 * Notifications: tells organisations about what needs their attention (a case invitation, an urgent
 * request, an escalation, a cross-border hit) in the in-app inbox, by e-mail and by signed webhooks.
 *
 * <p>Published: {@link eu.eccp.notifications.Notifications}, which other modules call with a
 * {@link eu.eccp.notifications.Notice}; delivery happens after the sender's transaction commits, through
 * the event publication registry, so a crash loses no notice. {@link eu.eccp.notifications.UnreadNotices}
 * counts the caller's unread notices (the badge in the navigation).
 *
 * <p>Delivery: the in-app inbox ({@code /notifications}), e-mail to the addresses an organisation's admin
 * sets (urgent notices always, others by topic; a notice for a person to that person), and webhooks signed
 * with HMAC-SHA256, queued, retried with exponential backoff and logged per attempt. Cross-border hits
 * ({@link eu.eccp.correlation.CrossBorderHitsFound}) become notices too.
 */
@NullMarked
@ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "shared", "organisations", "audit", "correlation" })
package eu.eccp.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
