package eu.eccp.training.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.organisations.PersonView;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.UserId;
import eu.eccp.training.internal.TrainingCoordinators;

/** An organisation's administrator designates its national training coordinators. */
@Controller
class CoordinatorsController {

	private final TrainingCoordinators coordinators;

	CoordinatorsController(TrainingCoordinators coordinators) {
		this.coordinators = coordinators;
	}

	@GetMapping("/training/coordinators")
	String page(Model model) {
		CallerContext me = CallerContext.require();
		List<PersonView> members = coordinators.designatable(me);
		Set<UserId> designated = coordinators.coordinators(me.organisationId()).stream().map(PersonView::id)
			.collect(Collectors.toSet());
		model.addAttribute("members", members);
		model.addAttribute("designated", designated);
		return "training/coordinators";
	}

	@PostMapping("/training/coordinators/{person}/{change:designate|revoke}")
	String change(@PathVariable UUID person, @PathVariable String change, RedirectAttributes redirect) {
		CallerContext me = CallerContext.require();
		if (change.equals("designate")) {
			coordinators.designate(me, new UserId(person));
		}
		else {
			coordinators.revoke(me, new UserId(person));
		}
		redirect.addFlashAttribute("notice", "training.notice.coordinators");
		return "redirect:/training/coordinators";
	}
}
