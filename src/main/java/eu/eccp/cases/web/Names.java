package eu.eccp.cases.web;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.organisations.People;
import eu.eccp.organisations.PersonView;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/** Organisation and person names for display, looked up once per page (bean {@code caseNames} for templates). */
@Component("caseNames")
public class Names {

	private static final java.util.Set<String> LINK_KINDS = java.util.Set.of("REPORT", "HIT", "CLUSTER", "INDICATOR", "CASE");

	private final Organisations organisations;
	private final People people;
	private final eu.eccp.shared.Labels labels;
	private final eu.eccp.shared.GeneratedTexts texts;

	Names(Organisations organisations, People people, eu.eccp.shared.Labels labels, eu.eccp.shared.GeneratedTexts texts) {
		this.organisations = organisations;
		this.people = people;
		this.labels = labels;
		this.texts = texts;
	}

	/**
	 * A linked record's label in the reader's language: a hit's stored {@code URL · DE, FR} reads
	 * "Web address · Germany, France", an indicator's {@code URL} "Web address"; others as stored (references).
	 */
	public String linkLabel(String kind, String label) {
		return switch (kind) {
			case "HIT" -> {
				int dot = label.indexOf(" · ");
				yield dot < 0 ? labels.of("indicatortype", label)
						: labels.of("indicatortype", label.substring(0, dot)) + " · "
								+ labels.countries(java.util.Arrays.asList(label.substring(dot + 3).split(",\\s*")));
			}
			case "INDICATOR" -> labels.of("indicatortype", label);
			default -> label;
		};
	}

	/** The subject of a timeline's "linked" entry, stored as {@code KIND label} (e.g. {@code HIT URL · DE}), in words. */
	public String linked(@Nullable String subject) {
		if (subject == null) {
			return "";
		}
		int space = subject.indexOf(' ');
		String kind = space < 0 ? subject : subject.substring(0, space);
		if (!LINK_KINDS.contains(kind)) {
			return subject;
		}
		String rest = space < 0 ? "" : subject.substring(space + 1);
		return labels.message("cases.link." + kind) + (rest.isEmpty() ? "" : " " + linkLabel(kind, rest));
	}

	/** A per-request lookup with its own cache. */
	Lookup lookup() {
		return new Lookup();
	}

	public String org(@Nullable OrganisationId id) {
		return id == null ? "" : organisations.find(id).map(o -> texts.of(o.name()) + " (" + o.country().value() + ")").orElse("?");
	}

	public String person(@Nullable UserId id) {
		return id == null ? "" : people.find(id).map(PersonView::displayName).orElse("?");
	}

	public final class Lookup {

		private final Map<OrganisationId, String> orgs = new HashMap<>();
		private final Map<UserId, String> persons = new HashMap<>();

		public String org(@Nullable OrganisationId id) {
			return id == null ? "" : orgs.computeIfAbsent(id, Names.this::org);
		}

		public @Nullable String country(OrganisationId id) {
			return organisations.find(id).map(OrganisationView::country).map(c -> c.value()).orElse(null);
		}

		public String person(@Nullable UserId id) {
			return id == null ? "" : persons.computeIfAbsent(id, Names.this::person);
		}
	}
}
