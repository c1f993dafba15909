package eu.eccp.notifications.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A notice in the caller's inbox.
 *
 * @param personal whether it is addressed to the caller personally (not to the whole organisation)
 * @param title the title in the caller's language
 * @param titleKey the title's message key (null for notices stored with a plain text)
 * @param titleArguments its arguments, as stored
 * @param readAt when the caller read it; null while unread
 */
public record NoticeView(UUID id, String topic, String title, String link, boolean urgent, boolean personal,
		Map<String, String> data, Instant createdAt, @Nullable Instant readAt, @Nullable String titleKey,
		java.util.List<String> titleArguments) {

	public boolean unread() {
		return readAt == null;
	}
}
