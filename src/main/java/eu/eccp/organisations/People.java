package eu.eccp.organisations;

import java.util.List;
import java.util.Optional;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/** The people of the platform, for modules that assign work to them. */
public interface People {

	Optional<PersonView> find(UserId id);

	/** The enabled people of an organisation, by name. */
	List<PersonView> members(OrganisationId organisation);

	/** The e-mail address of an enabled person, if they gave one (for notices addressed to them). */
	Optional<String> email(UserId id);

	/** The language (ISO 639-1) the person last used on the platform, for what is sent to them. */
	Optional<String> language(UserId id);

	/** Remembers the language a person uses (at log-in, and when they switch), for e-mails to them. */
	void rememberLanguage(UserId id, String language);
}
