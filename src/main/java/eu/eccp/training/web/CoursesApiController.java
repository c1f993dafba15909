package eu.eccp.training.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.training.CourseId;
import eu.eccp.training.internal.Catalogue;
import eu.eccp.training.internal.Course;
import eu.eccp.training.internal.CourseDraft;
import eu.eccp.training.internal.CourseFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The training catalogue: search, courses, and what overlaps them. */
@RestController
@RequestMapping("/api/v1/training")
@Tag(name = "Training")
class CoursesApiController {

	private final Catalogue catalogue;

	CoursesApiController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/courses")
	@Operation(summary = "Search the catalogue (upcoming published courses, and the caller's organisation's drafts)")
	Page<TrainingJson.CourseDto> search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String role, @RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String audience,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(defaultValue = "false") boolean past, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		CourseFilter filter = CourseFilter.of(q, role, level, language, format, audience, from, to, past, mine);
		return catalogue.search(CallerContext.require(), filter, PageRequest.of(page, size)).map(TrainingJson.CourseDto::of);
	}

	@PostMapping("/courses")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a course of the caller's organisation as a draft (trainers); answers the overlapping offers")
	TrainingJson.CourseWithOverlaps create(@RequestBody CourseDraft draft) {
		CallerContext me = CallerContext.require();
		return withOverlaps(me, catalogue.draft(me, draft));
	}

	@GetMapping("/courses/{id}")
	@Operation(summary = "One course")
	TrainingJson.CourseDto course(@PathVariable UUID id) {
		return TrainingJson.CourseDto.of(catalogue.course(CallerContext.require(), new CourseId(id)));
	}

	@PutMapping("/courses/{id}")
	@Operation(summary = "Change a course (its organiser's trainers)")
	TrainingJson.CourseWithOverlaps update(@PathVariable UUID id, @RequestBody CourseDraft draft) {
		CallerContext me = CallerContext.require();
		return withOverlaps(me, catalogue.update(me, new CourseId(id), draft));
	}

	@PostMapping("/courses/{id}/publish")
	@Operation(summary = "Publish a draft (its organiser's trainers)")
	TrainingJson.CourseWithOverlaps publish(@PathVariable UUID id) {
		CallerContext me = CallerContext.require();
		return withOverlaps(me, catalogue.publish(me, new CourseId(id)));
	}

	@PostMapping("/courses/{id}/cancel")
	@Operation(summary = "Cancel a course (its organiser's trainers)")
	TrainingJson.CourseDto cancel(@PathVariable UUID id) {
		return TrainingJson.CourseDto.of(catalogue.cancel(CallerContext.require(), new CourseId(id)));
	}

	@GetMapping("/courses/{id}/overlaps")
	@Operation(summary = "Published courses overlapping this one: same role and level, a shared language, overlapping dates or the same quarter")
	List<TrainingJson.OverlapDto> overlaps(@PathVariable UUID id) {
		return catalogue.overlaps(CallerContext.require(), new CourseId(id)).stream().map(TrainingJson.OverlapDto::of).toList();
	}

	@GetMapping("/duplicates")
	@Operation(summary = "Likely duplicates among upcoming published courses (coordinators)")
	Page<TrainingJson.DuplicateDto> duplicates(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return catalogue.likelyDuplicates(CallerContext.require(), PageRequest.of(page, size))
			.map(d -> new TrainingJson.DuplicateDto(TrainingJson.CourseDto.of(d.first()), TrainingJson.OverlapDto.of(d.overlap())));
	}

	private TrainingJson.CourseWithOverlaps withOverlaps(CallerContext me, Course course) {
		return new TrainingJson.CourseWithOverlaps(TrainingJson.CourseDto.of(course),
				catalogue.overlaps(me, course.id()).stream().map(TrainingJson.OverlapDto::of).toList());
	}
}
