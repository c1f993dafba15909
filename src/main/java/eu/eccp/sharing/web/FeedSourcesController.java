package eu.eccp.sharing.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.Upload;
import eu.eccp.shared.Uploads;
import eu.eccp.sharing.internal.FeedSourceDraft;
import eu.eccp.sharing.internal.FeedSourceView;
import eu.eccp.sharing.internal.FeedSources;
import eu.eccp.sharing.internal.ImportReport;
import eu.eccp.sharing.internal.MispImport;
import eu.eccp.sharing.internal.StixImport;

/**
 * The pages of an organisation's feed sources ({@code /sharing/feeds}: the list with each source's last pull, its
 * progress and its error in the reader's language, a form to add one, a page to change one) and of file imports
 * ({@code /sharing/import}: a STIX bundle or a MISP event file, with the import's report). Fields are checked by the
 * module; its errors come back on the form through the shared field fragment.
 */
@Controller
class FeedSourcesController {

	private final FeedSources feeds;
	private final StixImport stix;
	private final MispImport misp;

	FeedSourcesController(FeedSources feeds, StixImport stix, MispImport misp) {
		this.feeds = feeds;
		this.stix = stix;
		this.misp = misp;
	}

	/** The source form as the page posts it. */
	public record FeedForm(@Nullable String kind, @Nullable String name, @Nullable String url, @Nullable String username,
			@Nullable String secret, @Nullable String tlp, @Nullable Integer intervalSeconds, @Nullable Integer pageSize,
			@Nullable Boolean enabled) {

		static FeedForm empty() {
			return new FeedForm("TAXII", "", "", "", "", "AMBER", 3600, 1000, true);
		}

		static FeedForm of(FeedSourceView v) {
			return new FeedForm(v.kind(), v.name(), v.url(), v.username() == null ? "" : v.username(), "", v.tlp(),
					v.intervalSeconds(), v.pageSize(), v.enabled());
		}

		FeedSourceDraft draft(boolean change) {
			return new FeedSourceDraft(name, url, username, secret, tlp, intervalSeconds, pageSize, kind,
					change ? Boolean.TRUE.equals(enabled) : Boolean.valueOf(enabled == null || enabled));
		}
	}

	@GetMapping("/sharing/feeds")
	String list(Model model) {
		return showList(model, FeedForm.empty(), Map.of());
	}

	@PostMapping("/sharing/feeds")
	String add(FeedForm form, Model model, RedirectAttributes redirect) {
		try {
			feeds.add(CallerContext.require(), form.draft(false));
			redirect.addFlashAttribute("notice", "sharing.feed.notice.added");
			return "redirect:/sharing/feeds";
		}
		catch (InvalidRequestException e) {
			return showList(model, form, e.fieldErrors());
		}
	}

	@GetMapping("/sharing/feeds/{id}")
	String edit(@PathVariable UUID id, Model model) {
		FeedSourceView feed = feeds.find(CallerContext.require(), id);
		return showEdit(model, feed, FeedForm.of(feed), Map.of());
	}

	@PostMapping("/sharing/feeds/{id}")
	String update(@PathVariable UUID id, FeedForm form, Model model, RedirectAttributes redirect) {
		try {
			feeds.update(CallerContext.require(), id, form.draft(true));
			redirect.addFlashAttribute("notice", "sharing.feed.notice.changed");
			return "redirect:/sharing/feeds";
		}
		catch (InvalidRequestException e) {
			return showEdit(model, feeds.find(CallerContext.require(), id), form, e.fieldErrors());
		}
	}

	@PostMapping("/sharing/feeds/{id}/run")
	String run(@PathVariable UUID id, RedirectAttributes redirect) {
		feeds.runNow(CallerContext.require(), id);
		redirect.addFlashAttribute("notice", "sharing.feed.notice.run");
		return "redirect:/sharing/feeds";
	}

	@PostMapping("/sharing/feeds/{id}/remove")
	String remove(@PathVariable UUID id, RedirectAttributes redirect) {
		feeds.remove(CallerContext.require(), id);
		redirect.addFlashAttribute("notice", "sharing.feed.notice.removed");
		return "redirect:/sharing/feeds";
	}

	@GetMapping("/sharing/import")
	String importPage(Model model) {
		return showImport(model, "STIX", "AMBER", null, Map.of());
	}

	@PostMapping("/sharing/import")
	String importFile(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String tlp,
			@RequestParam(required = false) @Nullable MultipartFile file, Model model) {
		String chosen = format == null ? "" : format;
		String marking = tlp == null || tlp.isBlank() ? "AMBER" : tlp;
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (!chosen.equals("STIX") && !chosen.equals("MISP")) {
			errors.put("format", "sharing.upload.error.format");
		}
		Tlp defaultMarking = null;
		try {
			defaultMarking = Tlp.parse(marking);
		}
		catch (IllegalArgumentException e) {
			errors.put("tlp", "sharing.error.tlp");
		}
		Upload upload = Uploads.one(file);
		if (upload == null || upload.size() == 0) {
			errors.put("file", "sharing.upload.error.file");
		}
		if (!errors.isEmpty()) {
			return showImport(model, chosen, marking, null, errors);
		}
		CallerContext caller = CallerContext.require();
		try (InputStream in = java.util.Objects.requireNonNull(upload).open()) {
			ImportReport report = chosen.equals("MISP") ? misp.importEvent(caller, in, java.util.Objects.requireNonNull(defaultMarking))
					: stix.importBundle(caller, in, java.util.Objects.requireNonNull(defaultMarking));
			return showImport(model, chosen, marking, report, Map.of());
		}
		catch (InvalidRequestException e) {
			return showImport(model, chosen, marking, null, Map.of("file", e.fieldErrors().values().iterator().next()));
		}
		catch (IOException e) {
			return showImport(model, chosen, marking, null, Map.of("file", "sharing.upload.error.unreadable"));
		}
	}

	private String showList(Model model, FeedForm form, Map<String, String> errors) {
		CallerContext me = CallerContext.require();
		model.addAttribute("feeds", feeds.list(me));
		model.addAttribute("canManage", StixImport.mayImport(me));
		common(model, form, errors);
		return "sharing/feeds";
	}

	private String showEdit(Model model, FeedSourceView feed, FeedForm form, Map<String, String> errors) {
		model.addAttribute("feed", feed);
		model.addAttribute("canManage", StixImport.mayImport(CallerContext.require()));
		common(model, form, errors);
		return "sharing/feed";
	}

	private static void common(Model model, FeedForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", FeedSources.KINDS);
		model.addAttribute("tlps", List.of(Tlp.values()));
	}

	private String showImport(Model model, String format, String tlp, @Nullable ImportReport report,
			Map<String, String> errors) {
		model.addAttribute("format", format);
		model.addAttribute("tlp", tlp);
		model.addAttribute("report", report);
		model.addAttribute("errors", errors);
		model.addAttribute("tlps", List.of(Tlp.values()));
		model.addAttribute("canImport", StixImport.mayImport(CallerContext.require()));
		return "sharing/import";
	}
}
