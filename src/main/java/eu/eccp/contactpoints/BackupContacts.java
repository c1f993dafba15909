package eu.eccp.contactpoints;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/**
 * Whom to tell when an organisation does not act in time: the backup contact its directory entry names (the
 * escalation model of urgent requests, used by takedown when a notice's deadline passes unanswered), and a
 * country's 24/7 point of contact (Budapest Convention Art. 35) with its own backup.
 */
public interface BackupContacts {

	/** The organisation's backup contact, if it has a directory entry naming one. */
	Optional<Backup> backupOf(OrganisationId organisation);

	/** The country's 24/7 point of contact on the platform (a contact-point organisation with a directory entry). */
	Optional<Backup> twentyFourSevenPointOf(CountryCode country);

	/**
	 * Whom to escalate to.
	 *
	 * @param organisation the organisation whose inbox the escalation goes to
	 * @param person the backup person on the platform, when the directory names one (the notice is addressed to them)
	 * @param name the backup contact's name or function, as the directory gives it
	 */
	record Backup(OrganisationId organisation, @Nullable UserId person, @Nullable String name, @Nullable String email,
			@Nullable String phone) {
	}
}
