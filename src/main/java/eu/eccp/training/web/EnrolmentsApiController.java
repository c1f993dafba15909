package eu.eccp.training.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Downloads;
import eu.eccp.shared.Uploads;
import eu.eccp.training.CourseId;
import eu.eccp.training.internal.Catalogue;
import eu.eccp.training.internal.Certificates;
import eu.eccp.training.internal.Course;
import eu.eccp.training.internal.Enrolment;
import eu.eccp.training.internal.Enrolments;
import eu.eccp.training.internal.Material;
import eu.eccp.training.internal.Materials;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** Enrolment (apply, nominate, accept, wait-list, withdraw, attendance, completion), certificates and materials. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Training")
class EnrolmentsApiController {

	private final Enrolments enrolments;
	private final Catalogue catalogue;
	private final Certificates certificates;
	private final Materials materials;

	EnrolmentsApiController(Enrolments enrolments, Catalogue catalogue, Certificates certificates, Materials materials) {
		this.enrolments = enrolments;
		this.catalogue = catalogue;
		this.certificates = certificates;
		this.materials = materials;
	}

	record EnrolmentDto(UUID id, UUID courseId, UUID personId, String personName, String country, String status,
			@Nullable String motivation, Instant appliedAt, @Nullable Instant nominatedAt, @Nullable Instant decidedAt,
			@Nullable Instant waitListedAt, boolean attended, @Nullable Instant completedAt, @Nullable String certificateCode) {

		static EnrolmentDto of(Enrolment e) {
			return new EnrolmentDto(e.id(), e.course().value(), e.person().value(), e.personName(), e.country().value(),
					e.status().name(), e.motivation(), e.appliedAt(), e.nominatedAt(), e.decidedAt(), e.waitListedAt(),
					e.attended(), e.completedAt(), e.certificateCode());
		}
	}

	record Application(@Nullable String motivation) {
	}

	record Attendance(@Nullable Boolean attended) {
	}

	record MaterialDto(UUID id, String title, String access, String fileName, String contentType, long size, String sha256) {

		static MaterialDto of(Material m) {
			return new MaterialDto(m.id(), m.title(), m.access().name(), m.fileName(), m.contentType(), m.size(), m.sha256());
		}
	}

	/** What the public verification answers: whether the code is valid and, if so, what it certifies. */
	record Verification(boolean valid, @Nullable String holder, @Nullable String course, @Nullable String organiser,
			@Nullable LocalDate startedOn, @Nullable LocalDate endedOn, @Nullable Instant completedAt) {
	}

	@PostMapping("/training/courses/{id}/enrolments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Apply to a course (officials of law-enforcement and judicial bodies)")
	EnrolmentDto apply(@PathVariable UUID id, @RequestBody(required = false) @Nullable Application application) {
		return EnrolmentDto.of(enrolments.apply(CallerContext.require(), new CourseId(id),
				application == null ? null : application.motivation()));
	}

	@GetMapping("/training/courses/{id}/enrolments")
	@Operation(summary = "The nominations and decisions of a course, wait list in order (its organiser)")
	List<EnrolmentDto> ofCourse(@PathVariable UUID id) {
		return enrolments.ofCourse(CallerContext.require(), new CourseId(id)).stream().map(EnrolmentDto::of).toList();
	}

	@GetMapping("/training/enrolments")
	@Operation(summary = "The caller's applications and courses")
	List<EnrolmentDto> mine() {
		return enrolments.mine(CallerContext.require()).stream().map(EnrolmentDto::of).toList();
	}

	@GetMapping("/training/nominations")
	@Operation(summary = "Applications of the caller's organisation waiting for a nomination (its training coordinators)")
	List<EnrolmentDto> awaitingNomination() {
		return enrolments.awaitingNomination(CallerContext.require()).stream().map(EnrolmentDto::of).toList();
	}

	@PostMapping("/training/enrolments/{id}/{action:nominate|not-nominate|accept|wait-list|decline|withdraw|complete}")
	@Operation(summary = "Decide on an enrolment: nominate or not (training coordinator), accept, wait-list, decline, "
			+ "complete (organiser), withdraw (the official or their coordinator)")
	EnrolmentDto decide(@PathVariable UUID id, @PathVariable String action) {
		CallerContext me = CallerContext.require();
		return EnrolmentDto.of(switch (action) {
			case "nominate" -> enrolments.nominate(me, id);
			case "not-nominate" -> enrolments.notNominated(me, id);
			case "accept" -> enrolments.accept(me, id);
			case "wait-list" -> enrolments.waitList(me, id);
			case "decline" -> enrolments.decline(me, id);
			case "withdraw" -> enrolments.withdraw(me, id);
			default -> enrolments.complete(me, id);
		});
	}

	@PostMapping("/training/enrolments/{id}/attendance")
	@Operation(summary = "Record whether an accepted participant attended (organiser, once the course started)")
	EnrolmentDto attendance(@PathVariable UUID id, @RequestBody Attendance attendance) {
		return EnrolmentDto.of(enrolments.recordAttendance(CallerContext.require(), id,
				Boolean.TRUE.equals(attendance.attended())));
	}

	@GetMapping("/training/enrolments/{id}/certificate")
	@Operation(summary = "The caller's certificate of completion (PDF)")
	ResponseEntity<byte[]> certificate(@PathVariable UUID id) {
		CallerContext me = CallerContext.require();
		Enrolment enrolment = enrolments.certificateOf(me, id);
		byte[] pdf = certificates.pdf(enrolment, catalogue.course(me, enrolment.course()), LocaleContextHolder.getLocale());
		return Downloads.attachment("certificate-" + enrolment.certificateCode() + ".pdf", MediaType.APPLICATION_PDF, pdf.length)
			.body(pdf);
	}

	@GetMapping("/public/training/certificates/{code}")
	@Operation(summary = "Public: check a certificate's verification code")
	Verification verify(@PathVariable String code) {
		return enrolments.byCertificate(code).map(e -> {
			Course course = catalogue.courseForCertificate(e.course());
			return new Verification(true, e.personName(), course.title(null), course.organiserName(),
					course.details().localStart().toLocalDate(), course.details().localEnd().toLocalDate(), e.completedAt());
		}).orElse(new Verification(false, null, null, null, null, null, null));
	}

	@GetMapping("/training/courses/{id}/materials")
	@Operation(summary = "The course's materials the caller may download")
	List<MaterialDto> materials(@PathVariable UUID id) {
		CallerContext me = CallerContext.require();
		return materials.visible(me, catalogue.course(me, new CourseId(id))).stream().map(MaterialDto::of).toList();
	}

	@PostMapping(path = "/training/courses/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a material (the organiser): title, access PUBLIC, LAW_ENFORCEMENT or PARTICIPANTS, file")
	MaterialDto upload(@PathVariable UUID id, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String access,
			@RequestPart(name = "file", required = false) @Nullable MultipartFile file) {
		return MaterialDto.of(materials.upload(CallerContext.require(), new CourseId(id), title, access, Uploads.one(file)));
	}

	@GetMapping("/training/materials/{id}")
	@Operation(summary = "Download a material the caller may read")
	void download(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		MaterialsController.send(materials.download(CallerContext.require(), id), response);
	}

	@GetMapping("/public/training/materials/{id}")
	@Operation(summary = "Public: download a public material of a published course")
	void downloadPublic(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		MaterialsController.send(materials.downloadPublic(id), response);
	}
}
