package eu.eccp.correlation.internal;

import java.util.Map;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Visibility;

/**
 * Which correlated records a caller may see: their organisation's own, those they were granted after an
 * access request, and (for the platform operator's admins and auditors) every record that is not TLP:RED.
 * Everything else is only counted per country, and TLP:RED records of others are not even counted.
 */
final class RecordVisibility {

	private RecordVisibility() {
	}

	/** A SQL condition on the correlation_record alias {@code r}, with its parameters. */
	static Visibility.SqlCondition visible(CallerContext caller) {
		boolean wide = Visibility.of(caller).isPlatformWide();
		return new Visibility.SqlCondition("(r.owner_org = :vis_org OR EXISTS (SELECT 1 FROM access_grant g "
				+ "WHERE g.organisation_id = :vis_org AND g.record_id = r.id)" + (wide ? " OR r.tlp <> 'RED'" : "") + ")",
				Map.of("vis_org", caller.organisationId().value()));
	}

	/** Records another organisation may learn exist (as a count per country): never others' TLP:RED. */
	static Visibility.SqlCondition countable(CallerContext caller) {
		return new Visibility.SqlCondition("(r.owner_org = :vis_org OR r.tlp <> 'RED')",
				Map.of("vis_org", caller.organisationId().value()));
	}
}
