package eu.eccp.notifications.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A notice in the caller's inbox.
 *
 * @param personal whether it is addressed to the caller personally (not to the whole organisation)
 * @param readAt when the caller read it; null while unread
 */
public record NoticeView(UUID id, String topic, String title, String link, boolean urgent, boolean personal,
		Map<String, String> data, Instant createdAt, @Nullable Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}
}
