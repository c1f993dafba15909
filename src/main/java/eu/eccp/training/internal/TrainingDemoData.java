package eu.eccp.training.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.organisations.People;
import eu.eccp.training.CourseId;

/**
 * Demo mode only: published courses of the demo organisers (CEPOL, ECTEG, EJTN, Europol), two of them a likely
 * duplicate, and the German unit's national training coordinator ({@code de.training}) and the French one
 * ({@code fr.admin}). Courses are dated from the first demo start; a later start adds none twice.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "eccp.demo", havingValue = "true")
class TrainingDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TrainingDemoData.class);

	private final Catalogue catalogue;
	private final TrainingCoordinators coordinators;
	private final Organisations organisations;
	private final People people;

	TrainingDemoData(Catalogue catalogue, TrainingCoordinators coordinators, Organisations organisations, People people) {
		this.catalogue = catalogue;
		this.coordinators = coordinators;
		this.organisations = organisations;
		this.people = people;
	}

	@Override
	public void run(ApplicationArguments args) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		int added = 0;
		added += course("cepol-crypto", "cepol", List.of(text("en", "Cryptocurrency investigations",
				"Tracing virtual currency flows, exchanges and mixers; seizing wallets."),
				text("fr", "Enquêtes sur les cryptomonnaies", "Suivre les flux de monnaies virtuelles ; saisir des portefeuilles.")),
				List.of(role("CRYPTOCURRENCY_INVESTIGATOR", "ADVANCED")), "RESIDENTIAL", List.of("en"), "Europe/Lisbon",
				today.plusDays(60), 3, "Lisbon, Portugal", 24, 2, "None: travel and accommodation funded by CEPOL") ? 1 : 0;
		added += course("ecteg-crypto", "ecteg", List.of(text("en", "Investigating virtual currencies",
				"ECTEG course material on blockchain analysis for investigators.")),
				List.of(role("CRYPTOCURRENCY_INVESTIGATOR", "ADVANCED"), role("CYBERCRIME_INVESTIGATOR", "PRACTITIONER")),
				"BLENDED", List.of("en", "de"), "Europe/Brussels", today.plusDays(61), 4, "Brussels, Belgium", 30, 3,
				"Participants' organisations") ? 1 : 0;
		added += course("ecteg-osint", "ecteg", List.of(text("en", "Open-source intelligence for investigators",
				"Collecting and preserving evidence from open sources."),
				text("fr", "Renseignement en sources ouvertes pour enquêteurs", "Collecter et préserver des preuves en sources ouvertes.")),
				List.of(role("ONLINE_INVESTIGATOR", "PRACTITIONER")), "ONLINE", List.of("en", "fr"), "Europe/Paris",
				today.plusDays(40), 2, null, 60, 4, "Free of charge") ? 1 : 0;
		added += course("ejtn-evidence", "ejtn", List.of(text("en", "Electronic evidence for judges and prosecutors",
				"e-Evidence Regulation, cross-border orders and admissibility."),
				text("de", "Elektronische Beweismittel für Richter und Staatsanwälte", "E-Evidence-Verordnung und Zulässigkeit.")),
				List.of(role("PROSECUTOR", "AWARENESS"), role("JUDGE", "AWARENESS")), "BLENDED", List.of("en", "fr", "de"),
				"Europe/Brussels", today.plusDays(75), 2, "Brussels, Belgium", 40, 2, "EJTN exchange programme") ? 1 : 0;
		added += course("europol-darkweb", "europol", List.of(text("en", "Dark web investigations",
				"Attribution on anonymity networks and hidden marketplaces.")),
				List.of(role("CYBERCRIME_INVESTIGATOR", "EXPERT")), "RESIDENTIAL", List.of("en"), "Europe/Amsterdam",
				today.plusDays(95), 5, "The Hague, Netherlands", 20, 1, "Europol") ? 1 : 0;
		designate("de-unit", "de.training");
		designate("fr-unit", "fr.admin");
		log.warn("DEMO MODE: {} demo training courses added; training coordinators de.training (DE) and fr.admin (FR)", added);
	}

	private boolean course(String key, String organiser, List<CourseDraft.Text> texts, List<CourseDraft.RoleLevel> roles,
			String format, List<String> languages, String zone, LocalDate start, int days, String venue, int seats,
			int quota, String funding) {
		OrganisationView org = organisations.findByShortName(organiser).orElse(null);
		if (org == null) {
			return false;
		}
		CourseId id = new CourseId(UUID.nameUUIDFromBytes(("eccp-demo-course:" + key).getBytes(StandardCharsets.UTF_8)));
		CourseDraft draft = new CourseDraft(texts, roles, format, languages, List.of("LAW_ENFORCEMENT", "JUDICIAL"), zone,
				start.atTime(9, 0).toString(), start.plusDays(days - 1).atTime(17, 0).toString(), venue, seats, quota,
				start.minusDays(14).toString(), "Working knowledge of English", "0", funding);
		return catalogue.seedDemo(id, org, draft);
	}

	private void designate(String organisation, String username) {
		organisations.findByShortName(organisation)
			.flatMap(org -> people.members(org.id()).stream().filter(p -> p.username().equals(username)).findFirst())
			.ifPresent(coordinators::designateForDemo);
	}

	private static CourseDraft.Text text(String language, String title, String description) {
		return new CourseDraft.Text(language, title, description);
	}

	private static CourseDraft.RoleLevel role(String role, String level) {
		return new CourseDraft.RoleLevel(role, level);
	}
}
