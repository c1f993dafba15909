package eu.eccp.awareness.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import eu.eccp.awareness.internal.Advisory;
import eu.eccp.awareness.internal.AdvisoryLanguage;
import eu.eccp.awareness.internal.AdvisoryText;
import eu.eccp.awareness.internal.PublicAdvisory;
import eu.eccp.awareness.internal.Suggestion;
import eu.eccp.shared.CountryCode;

/** The JSON shapes of advisories: the authors' view and the public one (approved edition only). */
final class AdvisoryJson {

	private AdvisoryJson() {
	}

	/** One language of an advisory. */
	record Translation(String language, String title, String summary, String happening, String recognise, String advice,
			String reportHow) {

		static Translation of(AdvisoryText t) {
			return new Translation(t.language().code(), t.title(), t.summary(), t.happening(), t.recognise(), t.advice(),
					t.reportHow());
		}
	}

	/** An advisory as its authors see it. */
	record AuthorView(UUID id, String reference, String status, String offence, List<String> countries,
			@Nullable Instant expiresAt, int revision, @Nullable Instant publishedAt, @Nullable Instant updatedAt,
			@Nullable Instant withdrawnAt, UUID author, UUID lastEditor, @Nullable UUID submittedBy, @Nullable UUID approvedBy,
			@Nullable UUID suggestion, List<Translation> translations) {

		static AuthorView of(Advisory a) {
			return new AuthorView(a.id().value(), a.reference(), a.status().name(), a.offence().name(),
					a.countries().stream().map(CountryCode::value).toList(), a.expiresAt(), a.revision(), a.publishedAt(),
					a.publicUpdatedAt(), a.withdrawnAt(), a.author().value(), a.lastEditor().value(),
					a.submittedBy() == null ? null : a.submittedBy().value(),
					a.approvedBy() == null ? null : a.approvedBy().value(), a.suggestion(),
					java.util.Arrays.stream(AdvisoryLanguage.values()).map(l -> a.texts().get(l)).filter(t -> t != null)
						.map(Translation::of).toList());
		}
	}

	/**
	 * An advisory as national portals and apps get it, in one language.
	 *
	 * @param state {@code current}, {@code expired} or {@code withdrawn}
	 * @param languages the languages it is written in
	 */
	record PublicView(UUID id, String reference, int revision, String state, String offence, String offenceName,
			List<String> countries, String language, List<String> languages, String title, String summary,
			String happening, String recognise, String advice, String reportHow, String reportUrl, String url,
			String capUrl, Instant publishedAt, Instant updatedAt, @Nullable Instant expiresAt,
			@Nullable Instant withdrawnAt) {

		static PublicView of(PublicAdvisory a, AdvisoryLanguage wanted, Instant now, String publicUrl, MessageSource messages) {
			AdvisoryText t = a.text(wanted);
			Locale locale = t.language().locale();
			String state = a.isWithdrawn() ? "withdrawn" : a.isExpired(now) ? "expired" : "current";
			return new PublicView(a.id().value(), a.reference(), a.revision(), state, a.offence().name(),
					messages.getMessage("offence." + a.offence().name() + ".name", null, locale),
					a.countries().stream().map(CountryCode::value).toList(), t.language().code(),
					a.languages().stream().map(AdvisoryLanguage::code).toList(), t.title(), t.summary(), t.happening(),
					t.recognise(), t.advice(), t.reportHow(), publicUrl + "/report?lang=" + t.language().code(),
					publicUrl + "/advisories/" + a.id() + "?lang=" + t.language().code(),
					publicUrl + "/advisories/" + a.id() + "/cap.xml", a.publishedAt(), a.updatedAt(), a.expiresAt(),
					a.withdrawnAt());
		}
	}

	/** A suggestion: aggregate facts only. */
	record SuggestionView(UUID id, String kind, @Nullable String offence, List<String> countries, int reportCount,
			@Nullable Double baselinePerWeek, Instant firstSeen, List<String> clearIndicators, String status,
			@Nullable UUID advisory) {

		static SuggestionView of(Suggestion s) {
			return new SuggestionView(s.id(), s.kind().name(), s.offence() == null ? null : s.offence().name(),
					s.countries().stream().map(CountryCode::value).toList(), s.reportCount(), s.baseline(), s.firstSeen(),
					s.clearIndicators(), s.status().name(), s.advisory());
		}
	}
}
