package eu.eccp.takedown.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	LegalityMatrix(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Rule> all(CallerContext caller) {
		caller.requireAny(READERS);
		return jdbc.sql("SELECT * FROM legality_rule ORDER BY category, country").query(LegalityMatrix::rule).list();
	}

	/** The countries' rules for a category (for the assessment page: where is it illegal). */
	List<Rule> where(ContentCategory category) {
		return jdbc.sql("SELECT * FROM legality_rule WHERE category = :category ORDER BY verdict, country")
			.param("category", category.name())
			.query(LegalityMatrix::rule).list();
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
		jdbc.sql("""
				INSERT INTO legality_rule (category, country, verdict, legal_basis, note, demo, reviewed_by, reviewed_at)
				VALUES (:category, :country, :verdict, :basis, :note, FALSE, :by, :at)
				ON CONFLICT (category, country) DO UPDATE SET verdict = :verdict, legal_basis = :basis, note = :note,
				  demo = FALSE, reviewed_by = :by, reviewed_at = :at""")
			.param("category", category.name()).param("country", country.value()).param("verdict", verdict.name())
			.param("basis", basis).param("note", note).param("by", caller.username()).param("at", Timestamp.from(now))
			.update();
		audit.record(AuditEvent.of("takedown.legality.updated", "legality-rule", category + ":" + country)
			.withDetail("verdict=" + verdict));
		return new Rule(category, country, verdict, basis, note, false, caller.username(), now);
	}

	/** Demo mode: a row marked as demo data, unless the row exists. */
	void seedDemo(ContentCategory category, String country, Verdict verdict, String basis, String note) {
		jdbc.sql("""
				INSERT INTO legality_rule (category, country, verdict, legal_basis, note, demo, reviewed_by, reviewed_at)
				VALUES (:category, :country, :verdict, :basis, :note, TRUE, 'demo data', :at) ON CONFLICT DO NOTHING""")
			.param("category", category.name()).param("country", country).param("verdict", verdict.name())
			.param("basis", basis).param("note", note).param("at", Timestamp.from(clock.instant()))
			.update();
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

	private static Rule rule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Rule(ContentCategory.valueOf(rs.getString("category")), CountryCode.of(rs.getString("country")),
				Verdict.valueOf(rs.getString("verdict")), rs.getString("legal_basis"), rs.getString("note"),
				rs.getBoolean("demo"), rs.getString("reviewed_by"), ItemRepository.instant(rs, "reviewed_at"));
	}
}
