package eu.eccp.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.notifications.UnreadNotices;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.PagedQuery;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.SqlTimes;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's inbox: the notices to their organisation as a whole and those addressed to them; a notice for
 * a person is seen by nobody else, not even their colleagues or the platform operator. Read state is kept
 * per person. Unread urgent notices come first, then the newest. Titles are in the reader's language.
 */
@Service
public class NoticeInbox implements UnreadNotices {

	private static final String FROM = """
			notice n LEFT JOIN notice_read r ON r.notice_id = n.id AND r.user_id = :user""";

	private static final String MINE = "n.recipient_org = :org AND (n.recipient_user IS NULL OR n.recipient_user = :user)";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	private final NoticeTitles titles;

	NoticeInbox(JdbcClient jdbc, JsonMapper json, Clock clock, NoticeTitles titles) {
		this.titles = titles;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<NoticeView> notices(CallerContext caller, boolean unreadOnly, PageRequest page) {
		java.util.Locale reader = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return PagedQuery.page(jdbc, "n.*, r.read_at", FROM, MINE + (unreadOnly ? " AND r.read_at IS NULL" : ""),
				mine(caller), "(r.read_at IS NULL AND n.urgent) DESC, n.created_at DESC, n.id", page, (rs, n) -> {
					StoredNotice notice = StoredNotice.of(rs, json);
					return new NoticeView(notice.id(), notice.topic(), notice.title(titles, reader), notice.link(),
							notice.urgent(), notice.person() != null, notice.data(), notice.createdAt(),
							SqlTimes.instant(rs, "read_at"), notice.titleKey(), notice.titleArguments());
				});
	}

	@Override
	@Transactional(readOnly = true)
	public long count(CallerContext caller) {
		return jdbc.sql("SELECT count(*) FROM " + FROM + " WHERE " + MINE + " AND r.read_at IS NULL")
			.params(mine(caller)).query(Long.class).single();
	}

	/** Marks one of the caller's notices read (for them only); a notice they cannot see is not found. */
	@Transactional
	public void markRead(CallerContext caller, UUID id) {
		int updated = jdbc.sql("INSERT INTO notice_read (notice_id, user_id, read_at) SELECT n.id, :user, :now FROM notice n"
				+ " WHERE n.id = :id AND " + MINE + " ON CONFLICT DO NOTHING")
			.params(mine(caller)).param("id", id).param("now", Timestamp.from(clock.instant())).update();
		if (updated == 0 && !visible(caller, id)) {
			throw new RecordNotFoundException("notice");
		}
	}

	/**
	 * Opens a notice: marks it read and returns where to go, a platform path (never another site: a link
	 * that is not a plain path leads back to the inbox).
	 */
	@Transactional
	public String open(CallerContext caller, UUID id) {
		markRead(caller, id);
		String link = jdbc.sql("SELECT link FROM notice WHERE id = :id").param("id", id).query(String.class).single();
		return link.startsWith("/") && !link.startsWith("//") && !link.contains("\\") ? link : "/notifications";
	}

	/** Marks every unread notice of the caller read; returns how many. */
	@Transactional
	public int markAllRead(CallerContext caller) {
		return jdbc.sql("INSERT INTO notice_read (notice_id, user_id, read_at) SELECT n.id, :user, :now FROM " + FROM
				+ " WHERE " + MINE + " AND r.read_at IS NULL ON CONFLICT DO NOTHING")
			.params(mine(caller)).param("now", Timestamp.from(clock.instant())).update();
	}

	private boolean visible(CallerContext caller, UUID id) {
		return jdbc.sql("SELECT count(*) FROM notice n WHERE n.id = :id AND " + MINE).params(mine(caller)).param("id", id)
			.query(Long.class).single() > 0;
	}

	private static Map<String, Object> mine(CallerContext caller) {
		return Map.of("org", caller.organisationId().value(), "user", caller.userId().value());
	}
}
