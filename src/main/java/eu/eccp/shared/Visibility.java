package eu.eccp.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one rule for which stored records a caller may see, shared by every module's queries.
 *
 * <p>Every record carries its owning organisation (and, where it has one, a TLP marking). A caller sees
 * the records of their own organisation. Admins and auditors of the platform operator see records
 * of every organisation, except TLP:RED records, which never leave their owner. Modules add their own
 * grants (case membership, granted access requests) on top of this rule, never around it.
 */
public final class Visibility {

	private final CallerContext caller;
	private final boolean platformWide;

	private Visibility(CallerContext caller) {
		this.caller = caller;
		this.platformWide = caller.actsPlatformWideAs(Role.ADMIN) || caller.actsPlatformWideAs(Role.AUDITOR);
	}

	public static Visibility of(CallerContext caller) {
		return new Visibility(caller);
	}

	public CallerContext caller() {
		return caller;
	}

	/** Whether the caller sees records of every organisation (never TLP:RED ones of others). */
	public boolean isPlatformWide() {
		return platformWide;
	}

	public boolean canSee(OrganisationId owner) {
		return platformWide || owner.equals(caller.organisationId());
	}

	public boolean canSee(OrganisationId owner, Tlp marking) {
		if (owner.equals(caller.organisationId())) {
			return true;
		}
		return platformWide && marking.mayLeaveOwner();
	}

	/** A SQL condition that keeps only rows whose {@code ownerColumn} the caller may see. */
	public SqlCondition ownedBy(String ownerColumn) {
		if (platformWide) {
			return new SqlCondition("TRUE", Map.of());
		}
		return new SqlCondition(ownerColumn + " = :visibility_org", Map.of("visibility_org", caller.organisationId().value()));
	}

	/**
	 * A SQL condition that keeps only rows the caller may see, given their owner and TLP columns (the
	 * TLP column holds {@link Tlp#name()}).
	 */
	public SqlCondition ownedBy(String ownerColumn, String tlpColumn) {
		if (platformWide) {
			return new SqlCondition("(" + ownerColumn + " = :visibility_org OR " + tlpColumn + " <> 'RED')",
					Map.of("visibility_org", caller.organisationId().value()));
		}
		return ownedBy(ownerColumn);
	}

	/** A fragment of a WHERE clause with its named parameters. */
	public record SqlCondition(String sql, Map<String, Object> parameters) {

		public SqlCondition {
			parameters = Map.copyOf(parameters);
		}

		public SqlCondition and(SqlCondition other) {
			Map<String, Object> merged = new LinkedHashMap<>(parameters);
			merged.putAll(other.parameters);
			return new SqlCondition("(" + sql + ") AND (" + other.sql + ")", merged);
		}

		/** Binds this condition's parameters to a statement. */
		public JdbcClient.StatementSpec bindTo(JdbcClient.StatementSpec statement) {
			return statement.params(parameters);
		}
	}
}
