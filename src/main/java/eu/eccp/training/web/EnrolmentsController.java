package eu.eccp.training.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.ConflictException;
import eu.eccp.shared.Downloads;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.training.CourseId;
import eu.eccp.training.internal.Catalogue;
import eu.eccp.training.internal.Certificates;
import eu.eccp.training.internal.Course;
import eu.eccp.training.internal.Enrolment;
import eu.eccp.training.internal.Enrolments;

/**
 * Enrolment pages: applying from a course's page, the official's courses and certificates, the training
 * coordinator's applications to nominate, the organiser's decisions, and the public page that checks a
 * certificate's code.
 */
@Controller
class EnrolmentsController {

	private final Enrolments enrolments;
	private final Catalogue catalogue;
	private final Certificates certificates;

	EnrolmentsController(Enrolments enrolments, Catalogue catalogue, Certificates certificates) {
		this.enrolments = enrolments;
		this.catalogue = catalogue;
		this.certificates = certificates;
	}

	@PostMapping("/training/courses/{id}/apply")
	String apply(@PathVariable UUID id, @RequestParam(required = false) @Nullable String motivation,
			RedirectAttributes redirect) {
		return CoursesController.act(id, redirect, "training.notice.applied",
				() -> enrolments.apply(CallerContext.require(), new CourseId(id), motivation));
	}

	@PostMapping("/training/enrolments/{id}/{action}")
	String decide(@PathVariable UUID id, @PathVariable String action,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		CallerContext me = CallerContext.require();
		Enrolment[] done = new Enrolment[1];
		Runnable step = switch (action) {
			case "nominate" -> () -> done[0] = enrolments.nominate(me, id);
			case "not-nominate" -> () -> done[0] = enrolments.notNominated(me, id);
			case "accept" -> () -> done[0] = enrolments.accept(me, id);
			case "wait-list" -> () -> done[0] = enrolments.waitList(me, id);
			case "decline" -> () -> done[0] = enrolments.decline(me, id);
			case "withdraw" -> () -> done[0] = enrolments.withdraw(me, id);
			case "attended" -> () -> done[0] = enrolments.recordAttendance(me, id, true);
			case "absent" -> () -> done[0] = enrolments.recordAttendance(me, id, false);
			case "complete" -> () -> done[0] = enrolments.complete(me, id);
			default -> throw new RecordNotFoundException("action");
		};
		try {
			step.run();
			redirect.addFlashAttribute("notice", "training.notice.enrolment." + action);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("failure", "training.error.conflict");
		}
		catch (InvalidRequestException e) {
			redirect.addFlashAttribute("failure", e.fieldErrors().values().iterator().next());
		}
		if ("mine".equals(back) || done[0] == null) {
			return "redirect:/training/enrolments";
		}
		return "redirect:/training/courses/" + done[0].course() + "#enrolments";
	}

	@GetMapping("/training/enrolments")
	String mine(Model model) {
		CallerContext me = CallerContext.require();
		List<Enrolment> mine = enrolments.mine(me);
		List<Enrolment> waiting = enrolments.awaitingNomination(me);
		Map<CourseId, Course> courses = new HashMap<>();
		for (Enrolment e : mine) {
			courses.computeIfAbsent(e.course(), c -> catalogue.course(me, c));
		}
		for (Enrolment e : waiting) {
			courses.computeIfAbsent(e.course(), c -> catalogue.course(me, c));
		}
		model.addAttribute("mine", mine);
		model.addAttribute("waiting", waiting);
		model.addAttribute("coordinator", enrolments.isCoordinator(me));
		model.addAttribute("courses", courses);
		model.addAttribute("reader", LocaleContextHolder.getLocale().getLanguage());
		return "training/enrolments";
	}

	@GetMapping("/training/enrolments/{id}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable UUID id) {
		CallerContext me = CallerContext.require();
		Enrolment enrolment = enrolments.certificateOf(me, id);
		Course course = catalogue.course(me, enrolment.course());
		byte[] pdf = certificates.pdf(enrolment, course, LocaleContextHolder.getLocale());
		return Downloads.attachment("certificate-" + enrolment.certificateCode() + ".pdf", MediaType.APPLICATION_PDF, pdf.length)
			.body(pdf);
	}

	/** Public: anyone checks a certificate's code (the holder's name, the course and when it was completed). */
	@GetMapping("/training/public/verify")
	String verify(@RequestParam(required = false) @Nullable String code, Model model) {
		model.addAttribute("code", code);
		if (code != null && !code.isBlank()) {
			var found = enrolments.byCertificate(code);
			model.addAttribute("checked", true);
			found.ifPresent(e -> {
				model.addAttribute("certificate", e);
				model.addAttribute("course", catalogue.courseForCertificate(e.course()));
			});
			model.addAttribute("reader", LocaleContextHolder.getLocale().getLanguage());
		}
		return "training/verify";
	}
}
