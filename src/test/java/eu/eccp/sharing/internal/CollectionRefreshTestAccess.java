package eu.eccp.sharing.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What tests outside the package need of the collection refresh. */
public final class CollectionRefreshTestAccess {

	private CollectionRefreshTestAccess() {
	}

	/** Makes the collection's next refresh compare every indicator in scope, as its first one did. */
	public static void forgetChangeHorizon(ApplicationContext context, UUID agreement) {
		context.getBean(JdbcClient.class)
			.sql("UPDATE sharing_collection_state SET change_horizon = NULL WHERE agreement_id = :a")
			.param("a", agreement)
			.update();
	}

	/** Whether the collection's next refresh compares only the indicators changed since its last one. */
	public static boolean comparesOnlyChanges(ApplicationContext context, UUID agreement) {
		return context.getBean(CollectionObjectRepository.class).horizon(agreement).isPresent();
	}

	/** The collection's rows as indicator id to the time of its latest version ("modified") and whether it is revoked. */
	public static Map<Long, String> latestVersions(ApplicationContext context, UUID agreement) {
		Map<Long, String> versions = new TreeMap<>();
		context.getBean(JdbcClient.class)
			.sql("SELECT indicator_id, modified, revoked FROM sharing_collection_object WHERE agreement_id = :a")
			.param("a", agreement)
			.query((rs, n) -> versions.put(rs.getLong(1), rs.getTimestamp(2).toInstant() + (rs.getBoolean(3) ? " revoked" : "")))
			.list();
		return versions;
	}

	/** The collection's count of objects as kept with its state, and as its rows give it: {kept, counted}. */
	public static long[] objectCounts(ApplicationContext context, UUID agreement) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		long kept = jdbc.sql("SELECT objects FROM sharing_collection_state WHERE agreement_id = :a").param("a", agreement)
			.query(Long.class).single();
		long counted = jdbc.sql("SELECT count(*) FROM sharing_collection_object WHERE agreement_id = :a AND NOT revoked")
			.param("a", agreement).query(Long.class).single();
		return new long[] { kept, counted };
	}
}
