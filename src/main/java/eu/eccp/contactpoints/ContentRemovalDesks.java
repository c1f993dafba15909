package eu.eccp.contactpoints;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.OrganisationId;

/**
 * Where an organisation takes notices to remove content: its directory entry, when that entry lists the
 * content-removal capability. Used by the hosting module to name the desk of a network's operator.
 */
public interface ContentRemovalDesks {

	/** The organisation's content-removal desk, if its contact point lists that capability. */
	Optional<ContentRemovalDesk> of(OrganisationId organisation);

	/**
	 * An organisation's content-removal desk as its own admins keep it in the directory.
	 *
	 * @param email the desk's e-mail address, if it gave one
	 * @param languages ISO 639-1 codes of the languages it works in, in its order of preference
	 * @param platformChannel whether it takes requests through the platform (its inbox) rather than by e-mail only
	 * @param alwaysOpen whether it is staffed 24/7 (otherwise office hours)
	 * @param backupEmail the backup contact's e-mail address, if any
	 */
	record ContentRemovalDesk(OrganisationId organisation, @Nullable String email, List<String> languages,
			boolean platformChannel, boolean alwaysOpen, @Nullable String backupEmail) {
	}
}
