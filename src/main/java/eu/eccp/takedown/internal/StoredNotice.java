package eu.eccp.takedown.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.OrganisationId;
import eu.eccp.takedown.ItemId;

/**
 * A notice or removal order as sent: to whom and how, what it said (subject, body, XARF attachment, the legal
 * fields), its deadline, and what the host answered when.
 */
public record StoredNotice(UUID id, String reference, ItemId item, Kind kind, OrganisationId sender, UUID sentBy,
		@Nullable OrganisationId host, @Nullable String hostEmail, Delivery delivery, String language,
		ContentCategory category, Map<String, Object> fields, String subject, String body, String xarf, Status status,
		Instant sentAt, Instant deadlineAt, @Nullable Instant receivedAt, @Nullable Instant acknowledgedAt,
		@Nullable Instant removedAt, @Nullable Instant refusedAt, @Nullable String refusalReason,
		@Nullable Instant counterNoticeAt, @Nullable String counterNotice, @Nullable Instant escalatedAt,
		@Nullable String mailStatus) {

	public enum Kind {
		/** A notice under the Digital Services Act, Art. 16. */
		NOTICE,
		/** A removal order under Regulation (EU) 2021/784 (terrorist content), one hour from receipt. */
		REMOVAL_ORDER
	}

	public enum Delivery {
		PLATFORM, EMAIL
	}

	public enum Status {
		SENT, ACKNOWLEDGED, REMOVED, REFUSED;

		public boolean open() {
			return this == SENT || this == ACKNOWLEDGED;
		}
	}

	/** What a host (or the sender, for a host answering by e-mail) may record. */
	public enum Answer {
		RECEIPT, ACKNOWLEDGE, REMOVED, REFUSE, COUNTER_NOTICE
	}

	public boolean overdue(Instant now) {
		return status.open() && now.isAfter(deadlineAt);
	}
}
