package eu.eccp.sharing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code sharing_disclosure}: which objects went to whom, when, under which agreement and through which channel. */
@Repository
class DisclosureRepository {

	/** One disclosure: the objects are the UUID parts of their STIX ids. */
	record Disclosure(UUID id, UUID agreement, UUID recipientOrganisation, UUID recipientUser, String channel,
			Instant at, boolean clearPersonal, List<UUID> objects) {

		Disclosure {
			objects = List.copyOf(objects);
		}
	}

	private final JdbcClient jdbc;

	DisclosureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Disclosure d) {
		jdbc.sql("""
				INSERT INTO sharing_disclosure (id, agreement_id, recipient_org, recipient_user, channel, disclosed_at,
				  object_count, clear_personal, object_ids)
				VALUES (:id, :a, :org, :user, :channel, :at, :n, :personal, CAST(:ids AS uuid[]))""")
			.param("id", d.id())
			.param("a", d.agreement())
			.param("org", d.recipientOrganisation())
			.param("user", d.recipientUser())
			.param("channel", d.channel())
			.param("at", Timestamp.from(d.at()))
			.param("n", d.objects().size())
			.param("personal", d.clearPersonal())
			.param("ids", d.objects().toArray(UUID[]::new))
			.update();
	}
}
