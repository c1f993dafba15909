package eu.eccp.training.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.HashedFiles;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Upload;
import eu.eccp.training.CourseId;

/**
 * Course materials with access levels: {@code PUBLIC} to anyone (also without an account, once the course is
 * published), {@code LAW_ENFORCEMENT} to people of national units, 24/7 contact points, EU bodies and training
 * organisers, {@code PARTICIPANTS} to the course's accepted participants. The organiser's trainers upload them and
 * may read all. Files are written by {@link HashedFiles} under {@code DATA_DIR/training/materials} and served as
 * downloads; every download of a restricted material is audited.
 */
@Service
public class Materials {

	static final Set<String> SERVED_TYPES = Set.of("application/pdf", "text/plain", "application/zip",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/png", "image/jpeg");

	private final MaterialRepository repository;
	private final Catalogue catalogue;
	private final CourseRepository courses;
	private final Enrolments enrolments;
	private final Organisations organisations;
	private final TrainingProperties properties;
	private final AuditTrail audit;
	private final Clock clock;
	private final Path directory;

	Materials(MaterialRepository repository, Catalogue catalogue, CourseRepository courses, Enrolments enrolments,
			Organisations organisations, TrainingProperties properties, AuditTrail audit, Clock clock,
			@Value("${eccp.data-dir:./data}") Path dataDir) {
		this.repository = repository;
		this.catalogue = catalogue;
		this.courses = courses;
		this.enrolments = enrolments;
		this.organisations = organisations;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
		this.directory = dataDir.resolve("training").resolve("materials");
	}

	@Transactional
	public Material upload(CallerContext caller, CourseId courseId, @Nullable String title, @Nullable String access,
			@Nullable Upload file) {
		Course course = catalogue.course(caller, courseId);
		if (!Catalogue.isOrganiser(caller, course)) {
			throw new org.springframework.security.access.AccessDeniedException("only the organiser adds materials");
		}
		MaterialAccess level = ValidCourse.constant(MaterialAccess.class, access);
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (title == null || title.isBlank() || title.strip().length() > ValidCourse.MAX_TITLE) {
			errors.put("title", "training.error.materialTitle");
		}
		if (level == null) {
			errors.put("access", "training.error.access");
		}
		if (file == null) {
			errors.put("file", "training.error.file");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		UUID id = UUID.randomUUID();
		String key = id.toString();
		Path target = directory.resolve(key);
		HashedFiles.Written written;
		try (InputStream in = file.open()) {
			written = HashedFiles.write(in, target, properties.maxMaterialSize().toBytes());
		}
		catch (HashedFiles.TooLargeException e) {
			throw new InvalidRequestException("file", "training.error.fileTooLarge");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		HashedFiles.deleteOnRollback(target);
		if (written.size() == 0) {
			HashedFiles.deleteQuietly(target);
			throw new InvalidRequestException("file", "training.error.file");
		}
		String type = file.contentType() != null && SERVED_TYPES.contains(file.contentType()) ? file.contentType()
				: "application/octet-stream";
		Material material = new Material(id, courseId, title.strip(), level, safeFileName(file.fileName()), type,
				written.size(), written.sha256(), key, clock.instant());
		repository.insert(material, caller.userId());
		audit.record(AuditEvent.of("training.material.added", "training-material", id)
			.withDetail("course=" + courseId + " access=" + level + " sha256=" + written.sha256()));
		return material;
	}

	/** The materials of a course the caller may download. */
	@Transactional(readOnly = true)
	public List<Material> visible(CallerContext caller, Course course) {
		List<Material> all = repository.ofCourse(course.id());
		if (all.isEmpty()) {
			return all;
		}
		boolean organiser = Catalogue.isOrganiser(caller, course);
		boolean lawEnforcement = isLawEnforcement(caller);
		boolean participant = enrolments.isParticipant(caller, course.id());
		return all.stream().filter(m -> mayRead(m.access(), organiser, lawEnforcement, participant)).toList();
	}

	/** A material the caller may download, with its file; audited unless public. */
	@Transactional
	public Download download(CallerContext caller, UUID id) {
		Material material = repository.find(id).orElseThrow(() -> new RecordNotFoundException("material"));
		Course course = catalogue.course(caller, material.course());
		if (!mayRead(material.access(), Catalogue.isOrganiser(caller, course), isLawEnforcement(caller),
				enrolments.isParticipant(caller, course.id()))) {
			throw new RecordNotFoundException("material");
		}
		if (material.access() != MaterialAccess.PUBLIC) {
			audit.record(AuditEvent.of("training.material.downloaded", "training-material", id));
		}
		return new Download(material, directory.resolve(material.storageKey()));
	}

	/** A public material of a published course, for anyone (no account). */
	@Transactional(readOnly = true)
	public Download downloadPublic(UUID id) {
		Material material = repository.find(id).filter(m -> m.access() == MaterialAccess.PUBLIC)
			.orElseThrow(() -> new RecordNotFoundException("material"));
		courses.find(material.course()).filter(Course::isPublished).orElseThrow(() -> new RecordNotFoundException("material"));
		return new Download(material, directory.resolve(material.storageKey()));
	}

	/** A material's file, to stream. */
	public record Download(Material material, Path file) {

		public InputStream open() throws IOException {
			return Files.newInputStream(file);
		}
	}

	static boolean mayRead(MaterialAccess access, boolean organiser, boolean lawEnforcement, boolean participant) {
		return switch (access) {
			case PUBLIC -> true;
			case LAW_ENFORCEMENT -> organiser || lawEnforcement;
			case PARTICIPANTS -> organiser || participant;
		};
	}

	private boolean isLawEnforcement(CallerContext caller) {
		return organisations.find(caller.organisationId())
			.map(o -> o.type().isPublicAuthority() || o.type() == OrganisationType.TRAINING_ORGANISER)
			.orElse(false);
	}

	static String safeFileName(@Nullable String name) {
		String base = name == null ? "" : name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (base.isEmpty() || base.equals(".") || base.equals("..")) {
			base = "material.bin";
		}
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}
}
