package eu.eccp.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.notifications.Notice;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.SqlTimes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notices and who has read them. Every query for a person is limited to what they may see: the notices to
 * their organisation as a whole and those addressed to them ({@link #MINE}).
 */
@Repository
class InAppNoticeRepository {

	private static final String FROM = """
			notice n LEFT JOIN notice_read r ON r.notice_id = n.id AND r.user_id = :user""";

	private static final String MINE = "n.recipient_org = :org AND (n.recipient_user IS NULL OR n.recipient_user = :user)";

	/** A stored notice with the reader's read time (null while unread). */
	record ReadState(StoredNotice notice, @Nullable Instant readAt) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	InAppNoticeRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(UUID id, Notice notice, String englishTitle, Instant now) {
		jdbc.sql("""
				INSERT INTO notice (id, recipient_org, recipient_user, topic, title, link, urgent, data, created_at,
				  title_key, title_arguments)
				VALUES (:id, :org, :user, :topic, :title, :link, :urgent, CAST(:data AS jsonb), :now, :titleKey,
				  CAST(:titleArguments AS jsonb))""")
			.param("id", id)
			.param("org", notice.recipient().value())
			.param("user", notice.person() == null ? null : notice.person().value())
			.param("topic", notice.topic())
			.param("title", englishTitle)
			.param("titleKey", notice.titleKey())
			.param("titleArguments", json.writeValueAsString(notice.titleArguments()))
			.param("link", notice.link())
			.param("urgent", notice.urgent())
			.param("data", json.writeValueAsString(notice.data()))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** A notice by id, for the delivery channels (not for a reader: see {@link #page}). */
	Optional<StoredNotice> find(UUID id) {
		return jdbc.sql("SELECT * FROM notice WHERE id = :id").param("id", id).query(mapper()).optional();
	}

	/** The caller's notices: unread urgent ones first, then the newest. */
	Page<ReadState> page(CallerContext caller, boolean unreadOnly, PageRequest page) {
		return PagedQuery.page(jdbc, "n.*, r.read_at", FROM, MINE + (unreadOnly ? " AND r.read_at IS NULL" : ""),
				mine(caller), "(r.read_at IS NULL AND n.urgent) DESC, n.created_at DESC, n.id", page,
				(rs, n) -> new ReadState(StoredNotice.of(rs, json), SqlTimes.instant(rs, "read_at")));
	}

	long countUnread(CallerContext caller) {
		return jdbc.sql("SELECT count(*) FROM " + FROM + " WHERE " + MINE + " AND r.read_at IS NULL")
			.params(mine(caller)).query(Long.class).single();
	}

	/** Marks one of the caller's notices read; false when it was read already or is not theirs. */
	boolean markRead(CallerContext caller, UUID id, Instant now) {
		return jdbc.sql("INSERT INTO notice_read (notice_id, user_id, read_at) SELECT n.id, :user, :now FROM notice n"
				+ " WHERE n.id = :id AND " + MINE + " ON CONFLICT DO NOTHING")
			.params(mine(caller)).param("id", id).param("now", Timestamp.from(now)).update() > 0;
	}

	int markAllRead(CallerContext caller, Instant now) {
		return jdbc.sql("INSERT INTO notice_read (notice_id, user_id, read_at) SELECT n.id, :user, :now FROM " + FROM
				+ " WHERE " + MINE + " AND r.read_at IS NULL ON CONFLICT DO NOTHING")
			.params(mine(caller)).param("now", Timestamp.from(now)).update();
	}

	/** The link of one of the caller's notices, if they may see it. */
	Optional<String> linkOf(CallerContext caller, UUID id) {
		return jdbc.sql("SELECT n.link FROM notice n WHERE n.id = :id AND " + MINE).params(mine(caller)).param("id", id)
			.query(String.class).optional();
	}

	private RowMapper<StoredNotice> mapper() {
		return (rs, n) -> StoredNotice.of(rs, json);
	}

	private static Map<String, Object> mine(CallerContext caller) {
		return Map.of("org", caller.organisationId().value(), "user", caller.userId().value());
	}
}
