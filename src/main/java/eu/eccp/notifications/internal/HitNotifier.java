package eu.eccp.notifications.internal;

import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.eccp.correlation.CrossBorderHitsFound;
import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;
import eu.eccp.organisations.Organisations;

/**
 * Tells a unit about new cross-border hits on its records (their ids and a link, never content): one notice
 * per ingest batch, so a bulk load that creates thousands of hits sends one notice, not thousands.
 */
@Component
class HitNotifier {

	/** At most this many hit ids travel in a notice's data (webhooks); the inbox has them all. */
	static final int MAX_IDS = 100;

	private final Notifications notifications;
	private final Organisations organisations;

	HitNotifier(Notifications notifications, Organisations organisations) {
		this.notifications = notifications;
		this.organisations = organisations;
	}

	@ApplicationModuleListener
	void on(CrossBorderHitsFound found) {
		if (found.hitIds().isEmpty() || organisations.find(found.organisation()).isEmpty()) {
			// an organisation that is not on the platform (records recorded for it by a test or a tool) has no inbox
			return;
		}
		if (found.count() == 1) {
			UUID hit = found.hitIds().get(0);
			notifications.send(Notice.of(found.organisation(), "hit.found", "/hits/" + hit, 1)
				.with("hitId", hit)
				.with("count", 1));
			return;
		}
		notifications.send(Notice.of(found.organisation(), "hit.found", "/hits?unread=true", found.count())
			.with("count", found.count())
			.with("hitIds", found.hitIds().stream().limit(MAX_IDS).map(UUID::toString).collect(Collectors.joining(","))));
	}
}
