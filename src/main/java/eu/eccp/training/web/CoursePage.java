package eu.eccp.training.web;

import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import eu.eccp.shared.CallerContext;
import eu.eccp.training.CourseId;
import eu.eccp.training.internal.Catalogue;
import eu.eccp.training.internal.Course;
import eu.eccp.training.internal.Overlap;

/** What a course's page shows the caller: the course, and to its organiser the overlapping offers. */
@Component
class CoursePage {

	private final Catalogue catalogue;

	CoursePage(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	String show(CallerContext me, CourseId id, Model model) {
		Course course = catalogue.course(me, id);
		boolean organiser = Catalogue.isOrganiser(me, course);
		List<Overlap> overlaps = organiser ? catalogue.overlaps(me, id) : List.of();
		model.addAttribute("course", course);
		model.addAttribute("organiser", organiser);
		model.addAttribute("overlaps", overlaps);
		model.addAttribute("reader", LocaleContextHolder.getLocale().getLanguage());
		model.addAttribute("text", course.details().text(LocaleContextHolder.getLocale().getLanguage()));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "training/course";
	}
}
