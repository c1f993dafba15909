package eu.eccp.notifications.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.eccp.correlation.CrossBorderHitFound;
import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;

/** Tells a unit about each new cross-border hit on one of its records (the hit's id and link, never content). */
@Component
class HitNotifier {

	private final Notifications notifications;

	HitNotifier(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(CrossBorderHitFound hit) {
		notifications.send(Notice.to(hit.organisation(), "hit.found", "New cross-border hit", "/hits/" + hit.hitId())
			.with("hitId", hit.hitId()));
	}
}
