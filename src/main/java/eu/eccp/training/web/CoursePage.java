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
import eu.eccp.training.internal.Enrolment;
import eu.eccp.training.internal.Enrolments;
import eu.eccp.training.internal.Materials;
import eu.eccp.training.internal.Overlap;

/**
 * What a course's page shows the caller: the course; to its organiser the overlapping offers and the nominations to
 * decide; to an official their application; to a training coordinator their organisation's applications; the
 * materials the caller may download.
 */
@Component
class CoursePage {

	private final Catalogue catalogue;
	private final Enrolments enrolments;
	private final Materials materials;

	CoursePage(Catalogue catalogue, Enrolments enrolments, Materials materials) {
		this.catalogue = catalogue;
		this.enrolments = enrolments;
		this.materials = materials;
	}

	String show(CallerContext me, CourseId id, Model model) {
		Course course = catalogue.course(me, id);
		boolean organiser = Catalogue.isOrganiser(me, course);
		List<Overlap> overlaps = organiser ? catalogue.overlaps(me, id) : List.of();
		Enrolment mine = enrolments.mine(me, id).orElse(null);
		model.addAttribute("course", course);
		model.addAttribute("organiser", organiser);
		model.addAttribute("overlaps", overlaps);
		model.addAttribute("mine", mine);
		model.addAttribute("canApply", mine == null && course.takesApplications(java.time.Instant.now())
				&& enrolments.mayApply(me));
		model.addAttribute("enrolments", organiser ? enrolments.ofCourse(me, id) : List.of());
		model.addAttribute("ours", organiser ? List.of() : enrolments.ofOurOrganisation(me, id));
		model.addAttribute("materials", materials.visible(me, course));
		model.addAttribute("accessLevels", eu.eccp.training.internal.MaterialAccess.values());
		model.addAttribute("reader", LocaleContextHolder.getLocale().getLanguage());
		model.addAttribute("text", course.details().text(LocaleContextHolder.getLocale().getLanguage()));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "training/course";
	}
}
