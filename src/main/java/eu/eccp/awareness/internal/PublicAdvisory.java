package eu.eccp.awareness.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import eu.eccp.awareness.AdvisoryId;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CountryCode;

/**
 * An advisory's approved public edition: the only thing public pages, feeds, CAP, the portals' API and e-mails
 * read.
 *
 * @param revision the revision of the last CAP message (a withdrawal is one more than the last edition)
 * @param messages every CAP message sent for it, the oldest first
 */
public record PublicAdvisory(AdvisoryId id, String reference, int revision, Offence offence, List<CountryCode> countries,
		@Nullable Instant expiresAt, Instant publishedAt, Instant updatedAt, @Nullable Instant withdrawnAt,
		Map<AdvisoryLanguage, AdvisoryText> texts, List<CapMessage> messages) {

	public PublicAdvisory {
		countries = List.copyOf(countries);
		texts = Map.copyOf(texts);
		messages = List.copyOf(messages);
	}

	public boolean isWithdrawn() {
		return withdrawnAt != null;
	}

	public boolean isExpired(Instant now) {
		return expiresAt != null && !expiresAt.isAfter(now);
	}

	/** Current: neither withdrawn nor expired (the rest is the archive). */
	public boolean isCurrent(Instant now) {
		return !isWithdrawn() && !isExpired(now);
	}

	/** The text in the reader's language, else English, else any. */
	public AdvisoryText text(AdvisoryLanguage language) {
		AdvisoryText text = texts.get(language);
		if (text == null) {
			text = texts.get(AdvisoryLanguage.EN);
		}
		return text != null ? text : texts.values().iterator().next();
	}

	public boolean hasLanguage(AdvisoryLanguage language) {
		return texts.containsKey(language);
	}

	public List<AdvisoryLanguage> languages() {
		return java.util.Arrays.stream(AdvisoryLanguage.values()).filter(texts::containsKey).toList();
	}

	public CapMessage lastMessage() {
		return messages.get(messages.size() - 1);
	}

	/** One CAP message: Alert, Update or Cancel, with its revision and when it was sent. */
	public record CapMessage(int revision, MessageType type, Instant sentAt) {
	}

	@eu.eccp.shared.Labelled(shown = false)
	public enum MessageType {
		ALERT, UPDATE, CANCEL
	}
}
