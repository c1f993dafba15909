package eu.eccp.awareness.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.awareness.AdvisoryId;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/**
 * An advisory as its authors work on it: the working version of every language, and where it stands. It
 * guards the four-eyes rule itself: nobody approves what they wrote, changed last or submitted.
 *
 * @param revision the public edition's revision, 0 while it was never published
 */
public record Advisory(AdvisoryId id, String reference, Offence offence, List<CountryCode> countries,
		AdvisoryStatus status, @Nullable Instant expiresAt, UserId author, OrganisationId authorOrganisation,
		UserId lastEditor, @Nullable UserId submittedBy, @Nullable UserId approvedBy, @Nullable UUID suggestion,
		int revision, @Nullable Instant publishedAt, @Nullable Instant publicUpdatedAt, @Nullable Instant withdrawnAt,
		Instant createdAt, Instant changedAt, Map<AdvisoryLanguage, AdvisoryText> texts) {

	public Advisory {
		countries = List.copyOf(countries);
		texts = Map.copyOf(texts);
	}

	public boolean isPublic() {
		return revision > 0 && status != AdvisoryStatus.WITHDRAWN;
	}

	public boolean isEditable() {
		return status != AdvisoryStatus.WITHDRAWN;
	}

	/** The working version changed: any review under way starts again. */
	Advisory edited(UserId by, Offence newOffence, List<CountryCode> newCountries, @Nullable Instant newExpiry,
			Map<AdvisoryLanguage, AdvisoryText> newTexts, Instant at) {
		if (!isEditable()) {
			throw new AdvisoryStateException("awareness.error.withdrawn", "a withdrawn advisory cannot change");
		}
		return new Advisory(id, reference, newOffence, newCountries, AdvisoryStatus.DRAFT, newExpiry, author,
				authorOrganisation, by, null, approvedBy, suggestion, revision, publishedAt, publicUpdatedAt, withdrawnAt,
				createdAt, at, newTexts);
	}

	Advisory submitted(UserId by, Instant at) {
		if (status != AdvisoryStatus.DRAFT) {
			throw new AdvisoryStateException("awareness.error.notDraft", "only a draft can be submitted for review");
		}
		return new Advisory(id, reference, offence, countries, AdvisoryStatus.IN_REVIEW, expiresAt, author,
				authorOrganisation, lastEditor, by, approvedBy, suggestion, revision, publishedAt, publicUpdatedAt,
				withdrawnAt, createdAt, at, texts);
	}

	/** Whether this person may approve the advisory now (the second pair of eyes). */
	public boolean mayBeApprovedBy(UserId by) {
		return status == AdvisoryStatus.IN_REVIEW && !by.equals(author) && !by.equals(lastEditor)
				&& !by.equals(submittedBy);
	}

	Advisory approved(UserId by, Instant at) {
		if (status != AdvisoryStatus.IN_REVIEW) {
			throw new AdvisoryStateException("awareness.error.notInReview", "only an advisory in review can be approved");
		}
		if (!mayBeApprovedBy(by)) {
			throw new AdvisoryStateException("awareness.error.fourEyes",
					"a second person must approve: not its author, its last editor or who submitted it");
		}
		int next = revision + 1;
		return new Advisory(id, reference, offence, countries, next == 1 ? AdvisoryStatus.PUBLISHED : AdvisoryStatus.UPDATED,
				expiresAt, author, authorOrganisation, lastEditor, submittedBy, by, suggestion, next,
				publishedAt == null ? at : publishedAt, at, withdrawnAt, createdAt, at, texts);
	}

	Advisory sentBack(Instant at) {
		if (status != AdvisoryStatus.IN_REVIEW) {
			throw new AdvisoryStateException("awareness.error.notInReview", "only an advisory in review can be sent back");
		}
		return new Advisory(id, reference, offence, countries, AdvisoryStatus.DRAFT, expiresAt, author,
				authorOrganisation, lastEditor, null, approvedBy, suggestion, revision, publishedAt, publicUpdatedAt,
				withdrawnAt, createdAt, at, texts);
	}

	/** Takes the advisory off the public pages; a CAP Cancel follows. */
	Advisory withdrawn(Instant at) {
		if (status == AdvisoryStatus.WITHDRAWN) {
			throw new AdvisoryStateException("awareness.error.withdrawn", "the advisory is already withdrawn");
		}
		if (revision == 0) {
			throw new AdvisoryStateException("awareness.error.neverPublished", "an advisory never published cannot be withdrawn");
		}
		return new Advisory(id, reference, offence, countries, AdvisoryStatus.WITHDRAWN, expiresAt, author,
				authorOrganisation, lastEditor, submittedBy, approvedBy, suggestion, revision + 1, publishedAt,
				publicUpdatedAt, at, createdAt, at, texts);
	}
}
