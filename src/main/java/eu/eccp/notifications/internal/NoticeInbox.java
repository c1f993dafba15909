package eu.eccp.notifications.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.notifications.UnreadNotices;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.RecordNotFoundException;

/**
 * A person's inbox: the notices to their organisation as a whole and those addressed to them; a notice for
 * a person is seen by nobody else, not even their colleagues or the platform operator. Read state is kept
 * per person. Unread urgent notices come first, then the newest. Titles are in the reader's language.
 */
@Service
public class NoticeInbox implements UnreadNotices {

	private final InAppNoticeRepository notices;
	private final Clock clock;
	private final NoticeTitles titles;

	NoticeInbox(InAppNoticeRepository notices, Clock clock, NoticeTitles titles) {
		this.notices = notices;
		this.clock = clock;
		this.titles = titles;
	}

	@Transactional(readOnly = true)
	public Page<NoticeView> notices(CallerContext caller, boolean unreadOnly, PageRequest page) {
		Locale reader = LocaleContextHolder.getLocale();
		Page<InAppNoticeRepository.ReadState> found = notices.page(caller, unreadOnly, page);
		return found.map(state -> {
			StoredNotice notice = state.notice();
			return new NoticeView(notice.id(), notice.topic(), notice.title(titles, reader), notice.link(),
					notice.urgent(), notice.person() != null, notice.data(), notice.createdAt(), state.readAt(),
					notice.titleKey(), notice.titleArguments());
		});
	}

	@Override
	@Transactional(readOnly = true)
	public long count(CallerContext caller) {
		return notices.countUnread(caller);
	}

	/** Marks one of the caller's notices read (for them only); a notice they cannot see is not found. */
	@Transactional
	public void markRead(CallerContext caller, UUID id) {
		if (!notices.markRead(caller, id, clock.instant()) && notices.linkOf(caller, id).isEmpty()) {
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
		String link = notices.linkOf(caller, id).orElseThrow(() -> new RecordNotFoundException("notice"));
		return link.startsWith("/") && !link.startsWith("//") && !link.contains("\\") ? link : "/notifications";
	}

	/** Marks every unread notice of the caller read; returns how many. */
	@Transactional
	public int markAllRead(CallerContext caller) {
		return notices.markAllRead(caller, clock.instant());
	}
}
