package eu.eccp.notifications.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.InvalidRequestException;

/**
 * Topic subscriptions of e-mail settings and webhooks: exact topics ({@code request.received}) or a prefix
 * with a wildcard ({@code request.*}); an empty subscription means every topic.
 */
final class Topics {

	private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.([a-z][a-z0-9_]*|\\*)");

	private Topics() {
	}

	static boolean matches(Collection<String> subscribed, String topic) {
		return subscribed.isEmpty() || subscribed.stream().anyMatch(s -> s.endsWith(".*")
				? topic.startsWith(s.substring(0, s.length() - 1)) : s.equals(topic));
	}

	/** Reads topics separated by commas, spaces or lines; refuses malformed ones under the given field. */
	static List<String> parse(@Nullable Collection<String> values, String field) {
		LinkedHashSet<String> topics = new LinkedHashSet<>();
		if (values != null) {
			for (String value : values) {
				if (value == null) {
					continue;
				}
				for (String topic : value.split("[,\\s]+")) {
					String t = topic.strip();
					if (t.isEmpty()) {
						continue;
					}
					if (t.length() > 100 || !TOPIC.matcher(t).matches()) {
						throw new InvalidRequestException(field, "validation.notificationTopic");
					}
					topics.add(t);
				}
			}
		}
		if (topics.size() > 50) {
			throw new InvalidRequestException(field, "validation.notificationTopic");
		}
		return List.copyOf(topics);
	}

	static List<String> parse(@Nullable String text, String field) {
		return parse(text == null ? List.of() : Arrays.asList(text), field);
	}
}
