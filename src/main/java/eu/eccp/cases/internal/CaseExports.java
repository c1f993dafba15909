package eu.eccp.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.cases.CaseId;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.organisations.People;
import eu.eccp.organisations.PersonView;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.UserId;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports a case as a ZIP a recipient can verify: {@code case.json} (the case, members, links, tasks,
 * notes, messages and timeline the exporting member may see), every evidence file under {@code evidence/},
 * {@code manifest.json} listing each file with its size and SHA-256 (as recorded when it was received), and
 * {@code SHA256SUMS} in the format of {@code sha256sum -c}. Each exported file gets an EXPORTED line in its
 * chain of custody, with who exported it and why.
 */
@Service
public class CaseExports {

	public static final String FORMAT = "eccp-case-export/1";

	private static final Logger log = LoggerFactory.getLogger(CaseExports.class);

	/** An export ready to be written: the detail the exporting member may see, who exported it, and why. */
	public record Export(CaseDetail detail, CallerContext exporter, String reason, Instant at) {

		public String fileName() {
			return detail.file().reference() + ".zip";
		}
	}

	private final CaseAccess access;
	private final CaseDesk desk;
	private final EvidenceLocker locker;
	private final Organisations organisations;
	private final People people;
	private final AuditTrail audit;
	private final JsonMapper json;
	private final Clock clock;

	CaseExports(CaseAccess access, CaseDesk desk, EvidenceLocker locker, Organisations organisations, People people,
			AuditTrail audit, JsonMapper json, Clock clock) {
		this.access = access;
		this.desk = desk;
		this.locker = locker;
		this.organisations = organisations;
		this.people = people;
		this.audit = audit;
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
		this.clock = clock;
	}

	/** Checks the caller may export (members only), logs the export in every file's chain of custody. */
	@Transactional
	public Export prepare(CallerContext caller, CaseId id, @Nullable String reason) {
		CaseAccess.Access reader = access.reader(caller, id);
		if (!reader.isMember()) {
			throw new RecordNotFoundException("case");
		}
		String why = EvidenceLocker.requireReason(reason);
		CaseDetail detail = desk.detail(caller, id);
		Instant now = clock.instant();
		locker.custody(detail.evidence(), "EXPORTED", why, caller, now);
		audit.record(AuditEvent.of("case.exported", "case", id.value()).withDetail("files=" + detail.evidence().size()));
		return new Export(detail, caller, why, now);
	}

	/** Writes the ZIP; the evidence streams from the locker, hashed again on the way. */
	public void write(Export export, OutputStream target) throws IOException {
		Map<OrganisationId, String> orgNames = new LinkedHashMap<>();
		Map<UserId, String> personNames = new LinkedHashMap<>();
		List<Map<String, Object>> files = new ArrayList<>();
		List<String> sums = new ArrayList<>();
		// UTF-8 names with the language-encoding flag (bit 11); the names written are plain ASCII anyway
		try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
			byte[] caseJson = json.writeValueAsBytes(caseDocument(export, orgNames, personNames));
			put(zip, "case.json", caseJson);
			sums.add(hex(caseJson) + "  case.json");
			for (Evidence evidence : export.detail().evidence()) {
				String path = "evidence/" + evidence.id() + "/" + archiveName(evidence.fileName());
				zip.putNextEntry(new ZipEntry(path));
				MessageDigest digest = EvidenceLocker.sha256();
				try (InputStream in = Files.newInputStream(locker.pathOf(evidence))) {
					byte[] buffer = new byte[64 * 1024];
					int read;
					while ((read = in.read(buffer)) >= 0) {
						digest.update(buffer, 0, read);
						zip.write(buffer, 0, read);
					}
				}
				zip.closeEntry();
				String actual = HexFormat.of().formatHex(digest.digest());
				if (!actual.equals(evidence.sha256())) {
					log.error("evidence {} of case {} no longer matches its recorded SHA-256", evidence.id(), evidence.caseId());
				}
				Map<String, Object> file = new LinkedHashMap<>();
				file.put("path", path);
				file.put("evidenceId", evidence.id().toString());
				file.put("fileName", evidence.fileName());
				file.put("contentType", evidence.contentType());
				file.put("size", evidence.size());
				file.put("sha256", evidence.sha256());
				file.put("intact", actual.equals(evidence.sha256()));
				file.put("tlp", evidence.tlp().label());
				file.put("addedAt", evidence.addedAt().toString());
				file.put("addedBy", person(evidence.author(), personNames) + " (" + org(evidence.authorOrg(), orgNames) + ")");
				if (evidence.entryId() != null) {
					file.put("attachedToMessage", evidence.entryId().toString());
				}
				files.add(file);
				sums.add(evidence.sha256() + "  " + path);
			}
			Map<String, Object> manifest = new LinkedHashMap<>();
			manifest.put("format", FORMAT);
			manifest.put("case", Map.of("id", export.detail().file().id().toString(), "reference",
					export.detail().file().reference(), "title", export.detail().file().title(), "tlp",
					export.detail().file().tlp().label()));
			manifest.put("exportedAt", export.at().toString());
			manifest.put("exportedBy", person(export.exporter().userId(), personNames) + " ("
					+ org(export.exporter().organisationId(), orgNames) + ")");
			manifest.put("reason", export.reason());
			manifest.put("caseJsonSha256", hex(caseJson));
			manifest.put("files", files);
			manifest.put("verify", "Run 'sha256sum -c SHA256SUMS' in the unpacked folder, or compare each file's SHA-256 "
					+ "with this manifest; the hashes were computed when each file was received.");
			put(zip, "manifest.json", json.writeValueAsBytes(manifest));
			put(zip, "SHA256SUMS", (String.join("\n", sums) + "\n").getBytes(StandardCharsets.UTF_8));
		}
	}

	private Map<String, Object> caseDocument(Export export, Map<OrganisationId, String> orgNames,
			Map<UserId, String> personNames) {
		CaseDetail d = export.detail();
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("reference", d.file().reference());
		doc.put("title", d.file().title());
		doc.put("summary", d.file().summary());
		doc.put("offences", d.file().offences().stream().map(Enum::name).toList());
		doc.put("tlp", d.file().tlp().label());
		doc.put("status", d.file().status().name());
		doc.put("owner", org(d.file().owner(), orgNames));
		doc.put("openedAt", d.file().openedAt().toString());
		doc.put("members", d.members().stream().map(m -> Map.of("organisation", org(m.organisation(), orgNames), "status",
				m.status().name())).toList());
		doc.put("links", d.links().stream().map(l -> Map.of("kind", l.kind(), "ref", l.ref(), "label", l.label())).toList());
		doc.put("tasks", d.tasks().stream().map(t -> {
			Map<String, Object> task = new LinkedHashMap<>();
			task.put("title", t.title());
			task.put("status", t.status().name());
			task.put("dueOn", t.dueOn() == null ? null : t.dueOn().toString());
			task.put("assignee", t.assignee() == null ? null : person(t.assignee(), personNames));
			task.put("tlp", t.tlp().label());
			return task;
		}).toList());
		doc.put("notes", d.notes().stream().map(e -> entry(e, orgNames, personNames)).toList());
		doc.put("messages", d.messages().stream().map(e -> entry(e, orgNames, personNames)).toList());
		doc.put("timeline", d.timeline().stream().map(e -> Map.of("at", e.at().toString(), "type", e.type(), "subject",
				e.subject(), "by", org(e.actorOrg(), orgNames), "tlp", e.tlp().label())).toList());
		return doc;
	}

	private Map<String, Object> entry(CaseEntry e, Map<OrganisationId, String> orgNames, Map<UserId, String> personNames) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("at", e.createdAt().toString());
		entry.put("by", person(e.author(), personNames) + " (" + org(e.authorOrg(), orgNames) + ")");
		entry.put("tlp", e.tlp().label());
		entry.put("text", e.body());
		entry.put("attachments", e.attachments().stream().map(a -> a.id().toString()).toList());
		return entry;
	}

	private String org(OrganisationId id, Map<OrganisationId, String> names) {
		return names.computeIfAbsent(id, o -> organisations.find(o).map(OrganisationView::name).orElse("?"));
	}

	private String person(UserId id, Map<UserId, String> names) {
		return names.computeIfAbsent(id, u -> people.find(u).map(PersonView::displayName).orElse("?"));
	}

	/**
	 * The name an evidence file gets in the archive: printable ASCII only (accents dropped, anything else
	 * {@code _}), so that every unzip (Debian's 6.00 in a C locale too) writes exactly the name listed in
	 * {@code SHA256SUMS}, and {@code sha256sum -c} needs no escaping. The original name is in the manifest.
	 */
	static String archiveName(String fileName) {
		String plain = Normalizer.normalize(fileName, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		int dot = plain.lastIndexOf('.');
		String extension = dot > 0 && plain.substring(dot).matches("\\.[A-Za-z0-9]{1,10}") ? plain.substring(dot) : "";
		String base = (extension.isEmpty() ? plain : plain.substring(0, dot)).replaceAll("[^A-Za-z0-9._-]+", "_")
			.replaceAll("^[._-]+|[._-]+$", "");
		if (base.isEmpty()) {
			base = "evidence";
		}
		return (base.length() > 100 ? base.substring(0, 100) : base) + extension;
	}

	private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	private static String hex(byte[] content) {
		return HexFormat.of().formatHex(EvidenceLocker.sha256().digest(content));
	}
}
