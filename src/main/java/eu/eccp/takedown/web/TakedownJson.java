package eu.eccp.takedown.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.takedown.internal.Assessment;
import eu.eccp.takedown.internal.ContentCategory;
import eu.eccp.takedown.internal.HostingLocation;
import eu.eccp.takedown.internal.ItemStatus;
import eu.eccp.takedown.internal.ItemViews;
import eu.eccp.takedown.internal.LegalityMatrix;
import eu.eccp.takedown.internal.StoredItem;
import eu.eccp.takedown.ReportedCategory;

/** The JSON shapes of the takedown API. */
final class TakedownJson {

	private TakedownJson() {
	}

	/** An organisation named in an answer. */
	record OrgDto(UUID id, String name, String shortName, String country) {

		static OrgDto of(ItemViews.Org org) {
			return new OrgDto(org.id().value(), org.name(), org.shortName(), org.country());
		}
	}

	/**
	 * Where one reported address went. {@code created} false: it joined an item someone already handles
	 * ({@code handledBy} since {@code handledSince}).
	 */
	record PlacementDto(UUID itemId, String url, boolean created, @Nullable OrgDto handledBy, Instant handledSince) {
	}

	record ContentReportReceipt(UUID id, @Nullable String organisationReference, boolean replayed,
			List<PlacementDto> items) {
	}

	record Timestamps(Instant reported, @Nullable Instant assessed, @Nullable Instant forwarded,
			@Nullable Instant noticeSent, @Nullable Instant acknowledged, @Nullable Instant removed,
			@Nullable Instant removalSeen) {

		static Timestamps of(StoredItem item) {
			return new Timestamps(item.reportedAt(), item.assessedAt(), item.forwardedAt(), item.noticeSentAt(),
					item.acknowledgedAt(), item.removedAt(), item.removalSeenAt());
		}
	}

	record ItemSummary(UUID id, String url, String defangedUrl, String host, ReportedCategory reportedCategory,
			@Nullable ContentCategory category, ItemStatus status, UUID handlerId, Instant handledSince,
			@Nullable String hostingCountry, Timestamps timestamps) {

		static ItemSummary of(StoredItem item) {
			return new ItemSummary(item.id().value(), item.url(), item.defangedUrl(), item.host(), item.reportedCategory(),
					item.category(), item.status(), item.handler().value(), item.handledSince(),
					item.hosting() == null || item.hosting().country() == null ? null : item.hosting().country().value(),
					Timestamps.of(item));
		}
	}

	record PartyDto(OrgDto organisation, String party, Instant since) {
	}

	record TimelineDto(Instant at, @Nullable OrgDto organisation, String kind, @Nullable String detail) {
	}

	record HashDto(String algorithm, String value) {
	}

	record LegalityDto(ContentCategory category, String country, LegalityMatrix.Verdict verdict,
			@Nullable String legalBasis, @Nullable String note, boolean demo, String reviewedBy, Instant reviewedAt) {

		static LegalityDto of(LegalityMatrix.Rule rule) {
			return new LegalityDto(rule.category(), rule.country().value(), rule.verdict(), rule.legalBasis(), rule.note(),
					rule.demo(), rule.reviewedBy(), rule.reviewedAt());
		}
	}

	record ItemDetailDto(ItemSummary item, OrgDto handledBy, @Nullable HostingLocation hosting, List<PartyDto> parties,
			List<TimelineDto> timeline, List<Assessment> assessments, List<HashDto> mediaHashes,
			List<LegalityDto> legality) {

		static ItemDetailDto of(ItemViews.ItemDetail d) {
			return new ItemDetailDto(ItemSummary.of(d.item()), OrgDto.of(d.handler()), d.item().hosting(),
					d.parties().stream().map(p -> new PartyDto(OrgDto.of(p.organisation()), p.party(), p.since())).toList(),
					d.timeline().stream().map(t -> new TimelineDto(t.at(), t.organisation() == null ? null : OrgDto.of(t.organisation()),
							t.kind(), t.detail())).toList(),
					d.assessments(),
					d.hashes().stream().map(h -> new HashDto(h.algorithm().name(), h.value())).toList(),
					d.legality().stream().map(LegalityDto::of).toList());
		}
	}
}
