package eu.eccp.takedown.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Tlp;
import eu.eccp.takedown.ReportedCategory;

/** Checks a content report field by field and names every bad field with a message code. */
@Component
class ContentReportValidator {

	static final int MAX_DESCRIPTION = 20_000;
	static final int MAX_HASHES = 1_000;

	private final ContentUrls urls;
	private final TakedownProperties properties;

	ContentReportValidator(ContentUrls urls, TakedownProperties properties) {
		this.urls = urls;
		this.properties = properties;
	}

	ValidContentReport validate(ContentReportDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		ReportedCategory category = ReportedCategory.parse(draft.category());
		if (category == null) {
			errors.put("category", "validation.takedown.reportedCategory");
		}
		List<ValidContentReport.Given> given = new ArrayList<>();
		List<String> texts = draft.urls() == null ? List.of() : draft.urls();
		if (texts.isEmpty()) {
			errors.put("urls", "validation.takedown.urlsRequired");
		}
		else if (texts.size() > properties.maxUrls()) {
			errors.put("urls", "validation.takedown.tooManyUrls");
		}
		else {
			Set<String> keys = new LinkedHashSet<>();
			for (int i = 0; i < texts.size(); i++) {
				String text = texts.get(i);
				Optional<ContentUrl> url = text == null ? Optional.empty() : urls.read(text);
				if (url.isEmpty()) {
					errors.put("urls[" + i + "]", "validation.url");
				}
				else if (keys.add(url.get().key())) {
					given.add(new ValidContentReport.Given(text.strip(), url.get()));
				}
			}
		}
		String description = draft.description() == null || draft.description().isBlank() ? null : draft.description().strip();
		if (description != null && description.length() > MAX_DESCRIPTION) {
			errors.put("description", "validation.tooLong");
		}
		List<MediaHash> hashes = new ArrayList<>();
		List<ContentReportDraft.Hash> rawHashes = draft.mediaHashes() == null ? List.of() : draft.mediaHashes();
		if (rawHashes.size() > MAX_HASHES) {
			errors.put("mediaHashes", "validation.tooManyEntries");
		}
		for (int i = 0; i < rawHashes.size() && i < MAX_HASHES; i++) {
			ContentReportDraft.Hash raw = rawHashes.get(i);
			Optional<MediaHash.Algorithm> algorithm = raw == null || raw.algorithm() == null ? Optional.empty()
					: MediaHash.Algorithm.parse(raw.algorithm());
			if (algorithm.isEmpty()) {
				errors.put("mediaHashes[" + i + "].algorithm", "validation.takedown.hashAlgorithm");
				continue;
			}
			Optional<MediaHash> hash = raw.value() == null ? Optional.empty() : MediaHash.of(algorithm.get(), raw.value());
			if (hash.isEmpty()) {
				errors.put("mediaHashes[" + i + "].value", "validation.takedown.hashValue");
			}
			else if (!hashes.contains(hash.get())) {
				hashes.add(hash.get());
			}
		}
		String reference = draft.organisationReference() == null || draft.organisationReference().isBlank() ? null
				: draft.organisationReference().strip();
		if (reference != null && reference.length() > 200) {
			errors.put("organisationReference", "validation.tooLong");
		}
		Tlp tlp = Tlp.AMBER;
		if (draft.tlp() != null && !draft.tlp().isBlank()) {
			try {
				tlp = Tlp.parse(draft.tlp());
			}
			catch (IllegalArgumentException e) {
				errors.put("tlp", "validation.tlp");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new ValidContentReport(category, List.copyOf(given), description, List.copyOf(hashes), reference, tlp);
	}
}
