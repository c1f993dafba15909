package eu.eccp.correlation.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.correlation.internal.AccessRequests;
import eu.eccp.correlation.internal.ClusterViews;
import eu.eccp.correlation.internal.HitInbox;
import eu.eccp.correlation.internal.IndicatorPivot;
import eu.eccp.correlation.internal.Views;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The correlation pages: indicator pivot, hits inbox, access requests, cluster graphs. */
@Controller
class CorrelationController {

	private final IndicatorPivot pivot;
	private final HitInbox hits;
	private final AccessRequests access;
	private final ClusterViews clusters;

	CorrelationController(IndicatorPivot pivot, HitInbox hits, AccessRequests access, ClusterViews clusters) {
		this.pivot = pivot;
		this.hits = hits;
		this.access = access;
		this.clusters = clusters;
	}

	@GetMapping("/indicators")
	String pivot(@RequestParam(required = false) @Nullable String q, Model model, HttpServletResponse response) {
		model.addAttribute("q", q);
		model.addAttribute("errors", Map.of());
		if (q != null && !q.isBlank()) {
			try {
				model.addAttribute("results", pivot.search(CallerContext.require(), q));
				model.addAttribute("personalCountsWithheld", !pivot.maySeeCountsOfPersonalData(CallerContext.require()));
			}
			catch (InvalidRequestException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				model.addAttribute("errors", e.fieldErrors());
			}
		}
		return "correlation/pivot";
	}

	@GetMapping("/hits")
	String hits(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean unread, Model model) {
		model.addAttribute("hits", hits.hits(CallerContext.require(), unread, new PageRequest(Math.max(page, 0), 50)));
		model.addAttribute("unread", unread);
		return "correlation/hits";
	}

	/** A fragment for a record's own page: its hits (loaded by htmx, or opened as a page without scripts). */
	@GetMapping("/hits/record/{kind}/{sourceId}")
	String recordHits(@PathVariable String kind, @PathVariable UUID sourceId, Model model) {
		model.addAttribute("recordHits", hits.forRecord(CallerContext.require(), kind, sourceId));
		return "correlation/record-hits :: hits";
	}

	@GetMapping("/hits/{id}")
	String hit(@PathVariable UUID id, Model model) {
		model.addAttribute("hit", hits.open(CallerContext.require(), id));
		model.addAttribute("errors", Map.of());
		return "correlation/hit";
	}

	@PostMapping("/hits/{id}/access-requests")
	String requestAccess(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Long holder, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			access.request(CallerContext.require(), id, reason, holder);
			redirect.addFlashAttribute("notice", "hits.accessRequested");
			return "redirect:/hits/" + id;
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("hit", hits.open(CallerContext.require(), id));
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("typed", Map.of("reason", reason == null ? "" : reason));
			return "correlation/hit";
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("notice", "hits.alreadyRequested");
			return "redirect:/hits/" + id;
		}
	}

	@GetMapping("/access-requests")
	String accessRequests(Model model) {
		CallerContext me = CallerContext.require();
		model.addAttribute("incoming", access.incoming(me));
		model.addAttribute("outgoing", access.outgoing(me));
		return "correlation/access";
	}

	@PostMapping("/access-requests/{id}/{decision}")
	String decide(@PathVariable UUID id, @PathVariable String decision, @RequestParam(required = false) @Nullable String note,
			RedirectAttributes redirect) {
		CallerContext me = CallerContext.require();
		try {
			switch (decision) {
				case "grant" -> access.grant(me, id, note);
				case "decline" -> access.decline(me, id, note);
				default -> throw new eu.eccp.shared.RecordNotFoundException("decision");
			}
			redirect.addFlashAttribute("notice", decision.equals("grant") ? "access.granted" : "access.declined");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("notice", "access.alreadyDecided");
		}
		return "redirect:/access-requests";
	}

	@GetMapping("/clusters/{id}")
	String cluster(@PathVariable long id, Model model) {
		Views.ClusterGraph graph = clusters.cluster(CallerContext.require(), id);
		Map<String, Views.Node> byKey = graph.nodes().stream().collect(Collectors.toMap(Views.Node::key, n -> n));
		model.addAttribute("graph", graph);
		model.addAttribute("lines", graph.edges().stream()
			.map(e -> new Views.Line(byKey.get(e.from()), byKey.get(e.to()), e)).toList());
		// edge labels are written on the drawing only while they stay legible; the tooltip always has them
		model.addAttribute("edgeLabels", graph.edges().size() <= 60);
		model.addAttribute("colours", ClusterViews.palette(graph.nodes().stream().filter(n -> n.country() != null)
			.map(Views.Node::country).collect(Collectors.toSet())));
		return "correlation/cluster";
	}
}
