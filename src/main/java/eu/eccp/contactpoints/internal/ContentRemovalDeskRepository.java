package eu.eccp.contactpoints.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.contactpoints.ContentRemovalDesks;
import eu.eccp.shared.OrganisationId;

@Repository
class ContentRemovalDeskRepository implements ContentRemovalDesks {

	private final JdbcClient jdbc;

	ContentRemovalDeskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ContentRemovalDesk> of(OrganisationId organisation) {
		return jdbc.sql("""
				SELECT email, languages, platform_channel, always_open, backup_email
				FROM contact_point
				WHERE organisation_id = :org AND position(:capability IN ',' || capabilities || ',') > 0""")
			.param("org", organisation.value())
			.param("capability", "," + Capability.CONTENT_REMOVAL.name() + ",")
			.query((rs, n) -> new ContentRemovalDesk(organisation, rs.getString("email"), split(rs.getString("languages")),
					rs.getBoolean("platform_channel"), rs.getBoolean("always_open"), rs.getString("backup_email")))
			.optional();
	}

	private static List<String> split(String csv) {
		return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
