package eu.eccp.takedown.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.takedown.internal.Notices;
import eu.eccp.takedown.internal.StoredNotice;
import jakarta.servlet.http.HttpServletResponse;

/** The host's side: notices and removal orders received (and those the organisation sent), and the answers. */
@Controller
class NoticesController {

	private final Notices notices;
	private final java.time.Clock clock;

	NoticesController(Notices notices, java.time.Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping("/takedown/notices")
	String list(Model model) {
		CallerContext caller = CallerContext.require();
		model.addAttribute("received", notices.received(caller));
		model.addAttribute("sent", notices.sent(caller));
		return "takedown/notices";
	}

	@GetMapping("/takedown/notices/{id}")
	String notice(@PathVariable UUID id, Model model) {
		return show(id, model, Map.of(), null);
	}

	@PostMapping("/takedown/notices/{id}/{answer}")
	String answer(@PathVariable UUID id, @PathVariable String answer, @RequestParam(required = false) @Nullable String text,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StoredNotice.Answer parsed;
		try {
			parsed = StoredNotice.Answer.valueOf(answer.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw new RecordNotFoundException("No such answer.");
		}
		try {
			notices.answer(CallerContext.require(), id, parsed, text);
			// post/redirect/get: the notice's page says once what was recorded (not again on a reload)
			redirect.addFlashAttribute("notice", "takedown.notice.answered." + parsed.name());
			return "redirect:/takedown/notices/" + id;
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(id, model, e.fieldErrors(), null);
		}
		catch (ConflictException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return show(id, model, Map.of(), "takedown.problem.answer");
		}
	}

	private String show(UUID id, Model model, Map<String, String> errors, @Nullable String problem) {
		CallerContext caller = CallerContext.require();
		StoredNotice notice = notices.view(caller, id);
		model.addAttribute("n", notice);
		model.addAttribute("isHost", notice.host() != null && notice.host().equals(caller.organisationId()));
		model.addAttribute("isSender", notice.sender().equals(caller.organisationId()));
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("overdue", notice.overdue(clock.instant()));
		return "takedown/notice";
	}
}
