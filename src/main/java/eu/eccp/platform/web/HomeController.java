package eu.eccp.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import eu.eccp.cases.CaseCounts;
import eu.eccp.contactpoints.OpenRequests;
import eu.eccp.correlation.UnreadHits;
import eu.eccp.notifications.UnreadNotices;
import eu.eccp.organisations.Organisations;
import eu.eccp.reporting.ReportCounts;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Role;

/**
 * {@code /}: the public front door for visitors (report, follow a report, log in), and for a signed-in
 * person a dashboard that counts what needs their attention, per role, each figure linking to where it is
 * dealt with: new reports, unread hits, case invitations, unacknowledged urgent requests and their next
 * deadline, unread notices.
 */
@Controller
class HomeController {

	private final Organisations organisations;
	private final UnreadHits hits;
	private final CaseCounts cases;
	private final OpenRequests requests;
	private final ReportCounts reports;
	private final DisplayFormats formats;
	private final UnreadNotices notices;

	HomeController(Organisations organisations, UnreadHits hits, CaseCounts cases, OpenRequests requests,
			ReportCounts reports, DisplayFormats formats, UnreadNotices notices) {
		this.notices = notices;
		this.organisations = organisations;
		this.hits = hits;
		this.cases = cases;
		this.requests = requests;
		this.reports = reports;
		this.formats = formats;
	}

	/**
	 * A dashboard panel: message keys for its title and text (with optional arguments), an optional link
	 * and figure; {@code attention} marks a figure above zero that waits for someone.
	 */
	record Panel(String id, String titleKey, String textKey, String link, String linkKey, Long figure,
			List<Object> textArguments) {

		Panel(String id, String titleKey, String textKey, String link, String linkKey, Long figure, Object... arguments) {
			this(id, titleKey, textKey, link, linkKey, figure, List.of(arguments));
		}

		public boolean attention() {
			return figure != null && figure > 0 && !id.equals("admin");
		}

		public Object[] arguments() {
			return textArguments.toArray();
		}
	}

	@GetMapping("/")
	String home(Model model) {
		CallerContext me = CallerContext.current().orElse(null);
		if (me == null) {
			return "public/home";
		}
		List<Panel> panels = new ArrayList<>();
		if (me.has(Role.ANALYST) || me.has(Role.COORDINATOR) || me.has(Role.HOTLINE_ANALYST)) {
			panels.add(new Panel("reports", "panel.reports.title", "panel.reports.counted", "/reports?status=RECEIVED",
					"panel.reports.link", reports.newReports(me), reports.assignedToMe(me)));
			panels.add(new Panel("hits", "panel.hits.title", "panel.hits.text", "/hits?unread=true", "panel.hits.link",
					hits.unread(me)));
		}
		if (me.has(Role.ANALYST) || me.has(Role.COORDINATOR) || me.has(Role.HOTLINE_ANALYST)
				|| me.has(Role.CONTACT_POINT_OFFICER)) {
			panels.add(new Panel("invitations", "panel.invitations.title", "panel.invitations.text", "/cases",
					"panel.invitations.link", cases.pendingInvitations(me)));
			panels.add(new Panel("cases", "panel.cases.title", "panel.cases.counted", "/cases", "panel.cases.link",
					cases.openCases(me)));
		}
		if (me.has(Role.CONTACT_POINT_OFFICER) || me.has(Role.PARTNER) || me.has(Role.ANALYST)
				|| me.has(Role.COORDINATOR)) {
			long waiting = requests.unacknowledged(me);
			String due = requests.nextAcknowledgementDue(me).map(formats::utc).orElse(null);
			panels.add(new Panel("requests", "panel.requests.title",
					due == null ? "panel.requests.none" : "panel.requests.counted", "/requests", "panel.requests.link",
					waiting, requests.awaitingAction(me), due == null ? "" : due));
		}
		if (me.has(Role.PARTNER) || me.has(Role.CONTACT_POINT_OFFICER)) {
			panels.add(new Panel("submit", "panel.submit.title", "panel.submit.text", "/reports/submitted",
					"panel.submit.link", null));
		}
		long unread = notices.count(me);
		model.addAttribute("unreadNotices", unread); // counted once: the navigation's badge uses it too
		panels.add(new Panel("notices", "panel.unread.title", "panel.unread.text", "/notifications?unread=true",
				"panel.unread.link", unread));
		if (me.has(Role.AUDITOR)) {
			panels.add(new Panel("audit", "panel.audit.title", "panel.audit.text", "/audit", "panel.audit.link", null));
		}
		if (me.has(Role.ADMIN)) {
			panels.add(new Panel("admin", "panel.admin.title", "panel.admin.text", "/admin/organisations",
					"panel.admin.link", me.platformOperator() ? organisations.count() : null));
		}
		panels.add(new Panel("api", "panel.api.title", "panel.api.text", "/swagger-ui.html", "panel.api.link", null));
		model.addAttribute("panels", panels);
		return "home";
	}
}
