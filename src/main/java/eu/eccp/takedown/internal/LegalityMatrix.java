package eu.eccp.takedown.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Role;

/**
 * Content category × country: illegal, not illegal, or it depends, with the national legal basis, a note and
 * who reviewed it last when. Coordinators maintain it; everyone working on items reads it. Rows created by
 * demo mode are marked as demo data (not legal advice).
 */
@Service
public class LegalityMatrix {

	@eu.eccp.shared.Labelled("takedown.verdict")
	public enum Verdict {
		ILLEGAL, NOT_ILLEGAL, DEPENDS
	}

	public record Rule(ContentCategory category, CountryCode country, Verdict verdict, @Nullable String legalBasis,
			@Nullable String note, boolean demo, String reviewedBy, Instant reviewedAt) {
	}

	public record RuleDraft(@Nullable String verdict, @Nullable String legalBasis, @Nullable String note) {
	}

	static final Role[] READERS = { Role.HOTLINE_ANALYST, Role.ANALYST, Role.COORDINATOR, Role.CONTACT_POINT_OFFICER,
			Role.AUDITOR, Role.ADMIN, Role.STATISTICIAN };

	private final LegalityRuleRepository rules;
	private final AuditTrail audit;
	private final Clock clock;

	LegalityMatrix(LegalityRuleRepository rules, AuditTrail audit, Clock clock) {
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Rule> all(CallerContext caller) {
		caller.requireAny(READERS);
		return rules.all();
	}

	/** The countries' rules for a category (for the assessment page: where is it illegal). */
	List<Rule> where(ContentCategory category) {
		return rules.ofCategory(category);
	}

	@Transactional
	public Rule update(CallerContext caller, @Nullable String categoryText, @Nullable String countryText, RuleDraft draft) {
		caller.requireAny(Role.COORDINATOR);
		Map<String, String> errors = new LinkedHashMap<>();
		ContentCategory category = ContentCategory.parse(categoryText);
		if (category == null || !List.of(ContentCategory.matrixCategories()).contains(category)) {
			errors.put("category", "validation.takedown.category");
		}
		if (countryText == null || !CountryCode.isValid(countryText)) {
			errors.put("country", "validation.country");
		}
		Verdict verdict = null;
		try {
			verdict = draft.verdict() == null ? null : Verdict.valueOf(draft.verdict().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			// named below
		}
		if (verdict == null) {
			errors.put("verdict", "validation.takedown.verdict");
		}
		String basis = limited(draft.legalBasis(), 500, "legalBasis", errors);
		String note = limited(draft.note(), 2_000, "note", errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		CountryCode country = CountryCode.of(countryText);
		Instant now = clock.instant();
		Rule rule = new Rule(category, country, verdict, basis, note, false, caller.username(), now);
		rules.save(rule);
		audit.record(AuditEvent.of("takedown.legality.updated", "legality-rule", category + ":" + country)
			.withDetail("verdict=" + verdict));
		return rule;
	}

	/** Demo mode: a row marked as demo data, unless the row exists. */
	void seedDemo(ContentCategory category, String country, Verdict verdict, String basis, String note) {
		rules.addIfAbsent(new Rule(category, CountryCode.of(country), verdict, basis, note, true, "demo data", clock.instant()));
	}

	private static @Nullable String limited(@Nullable String text, int max, String field, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		if (value.length() > max) {
			errors.put(field, "validation.tooLong");
		}
		return value;
	}

}
