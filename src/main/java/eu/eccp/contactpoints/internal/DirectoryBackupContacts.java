package eu.eccp.contactpoints.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.contactpoints.BackupContacts;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/** The backup contacts of the directory ({@link ContactPointDirectory}), for other modules' escalations. */
@Component
class DirectoryBackupContacts implements BackupContacts {

	private final ContactPointDirectory directory;
	private final Organisations organisations;

	DirectoryBackupContacts(ContactPointDirectory directory, Organisations organisations) {
		this.directory = directory;
		this.organisations = organisations;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Backup> backupOf(OrganisationId organisation) {
		return directory.backupOf(organisation).map(b -> new Backup(organisation,
				b.userId() == null ? null : new UserId(b.userId()), b.name(), b.email(), b.phone()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Backup> twentyFourSevenPointOf(CountryCode country) {
		return organisations.find(country, OrganisationType.CONTACT_POINT).stream()
			.filter(point -> directory.hasEntry(point.id()))
			.findFirst()
			.map(point -> backupOf(point.id()).orElse(new Backup(point.id(), null, null, null, null)));
	}
}
