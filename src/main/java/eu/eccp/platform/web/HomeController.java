package eu.eccp.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import eu.eccp.cases.CaseCounts;
import eu.eccp.contactpoints.OpenRequests;
import eu.eccp.correlation.UnreadHits;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Role;

/**
 * The home dashboard: one panel per thing the caller's roles work on. Panels of capabilities that arrive
 * with later modules say so instead of showing made-up figures.
 */
@Controller
class HomeController {

	private final Organisations organisations;
	private final UnreadHits hits;
	private final CaseCounts cases;
	private final OpenRequests requests;

	HomeController(Organisations organisations, UnreadHits hits, CaseCounts cases, OpenRequests requests) {
		this.organisations = organisations;
		this.hits = hits;
		this.cases = cases;
		this.requests = requests;
	}

	/**
	 * A dashboard panel: message keys for its title and text (with an optional argument), an optional link
	 * and figure.
	 */
	record Panel(String id, String titleKey, String textKey, String link, String linkKey, Long figure, Object textArgument) {

		Panel(String id, String titleKey, String textKey, String link, String linkKey, Long figure) {
			this(id, titleKey, textKey, link, linkKey, figure, null);
		}
	}

	@GetMapping("/")
	String home(Model model) {
		CallerContext me = CallerContext.require();
		List<Panel> panels = new ArrayList<>();
		if (me.has(Role.ANALYST) || me.has(Role.COORDINATOR)) {
			panels.add(new Panel("reports", "panel.reports.title", "panel.reports.text", "/reports", "panel.reports.link", null));
			panels.add(new Panel("hits", "panel.hits.title", "panel.hits.text", "/hits", "panel.hits.link",
					hits.unread(me)));
			panels.add(new Panel("cases", "panel.cases.title", "panel.cases.text", "/cases", "panel.cases.link",
					cases.openCases(me), cases.pendingInvitations(me)));
		}
		if (me.has(Role.PARTNER) || me.has(Role.CONTACT_POINT_OFFICER)) {
			panels.add(new Panel("submit", "panel.submit.title", "panel.submit.text", "/reports/submitted",
					"panel.submit.link", null));
		}
		if (me.has(Role.CONTACT_POINT_OFFICER) || me.has(Role.PARTNER)) {
			panels.add(new Panel("requests", "panel.requests.title", "panel.requests.text", "/requests", "panel.requests.link",
					requests.awaitingAction(me)));
		}
		if (me.has(Role.HOTLINE_ANALYST) || me.has(Role.PARTNER)) {
			panels.add(new Panel("notices", "panel.notices.title", "panel.notices.text", null, null, null));
		}
		if (me.has(Role.STATISTICIAN)) {
			panels.add(new Panel("statistics", "panel.statistics.title", "panel.statistics.text", null, null, null));
		}
		if (me.has(Role.TRAINER)) {
			panels.add(new Panel("training", "panel.training.title", "panel.training.text", null, null, null));
		}
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
