package eu.eccp.takedown.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.shared.CountryCode;

/** The rows of the legality matrix ({@code legality_rule}), one per content category and country. */
@Repository
class LegalityRuleRepository {

	private final JdbcClient jdbc;

	LegalityRuleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<LegalityMatrix.Rule> all() {
		return jdbc.sql("SELECT * FROM legality_rule ORDER BY category, country").query(LegalityRuleRepository::rule).list();
	}

	List<LegalityMatrix.Rule> ofCategory(ContentCategory category) {
		return jdbc.sql("SELECT * FROM legality_rule WHERE category = :category ORDER BY verdict, country")
			.param("category", category.name())
			.query(LegalityRuleRepository::rule).list();
	}

	/** Writes the rule, replacing the row for its category and country (a reviewed row is no longer demo data). */
	void save(LegalityMatrix.Rule rule) {
		jdbc.sql("""
				INSERT INTO legality_rule (category, country, verdict, legal_basis, note, demo, reviewed_by, reviewed_at)
				VALUES (:category, :country, :verdict, :basis, :note, :demo, :by, :at)
				ON CONFLICT (category, country) DO UPDATE SET verdict = :verdict, legal_basis = :basis, note = :note,
				  demo = :demo, reviewed_by = :by, reviewed_at = :at""")
			.params(parameters(rule))
			.update();
	}

	/** Writes the rule unless its category and country have a row already. */
	void addIfAbsent(LegalityMatrix.Rule rule) {
		jdbc.sql("""
				INSERT INTO legality_rule (category, country, verdict, legal_basis, note, demo, reviewed_by, reviewed_at)
				VALUES (:category, :country, :verdict, :basis, :note, :demo, :by, :at) ON CONFLICT DO NOTHING""")
			.params(parameters(rule))
			.update();
	}

	private static Map<String, Object> parameters(LegalityMatrix.Rule rule) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("category", rule.category().name());
		parameters.put("country", rule.country().value());
		parameters.put("verdict", rule.verdict().name());
		parameters.put("basis", rule.legalBasis());
		parameters.put("note", rule.note());
		parameters.put("demo", rule.demo());
		parameters.put("by", rule.reviewedBy());
		parameters.put("at", Timestamp.from(rule.reviewedAt()));
		return parameters;
	}

	private static LegalityMatrix.Rule rule(ResultSet rs, int row) throws SQLException {
		return new LegalityMatrix.Rule(ContentCategory.valueOf(rs.getString("category")),
				CountryCode.of(rs.getString("country")), LegalityMatrix.Verdict.valueOf(rs.getString("verdict")),
				rs.getString("legal_basis"), rs.getString("note"), rs.getBoolean("demo"), rs.getString("reviewed_by"),
				rs.getTimestamp("reviewed_at").toInstant());
	}
}
