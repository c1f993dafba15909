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

	private final Organisations organisations;
	private final People people;

	Names(Organisations organisations, People people) {
		this.organisations = organisations;
		this.people = people;
	}

	/** A per-request lookup with its own cache. */
	Lookup lookup() {
		return new Lookup();
	}

	public String org(@Nullable OrganisationId id) {
		return id == null ? "" : organisations.find(id).map(o -> o.name() + " (" + o.country().value() + ")").orElse("?");
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
