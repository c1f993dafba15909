package eu.eccp.organisations.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.organisations.People;
import eu.eccp.organisations.PersonView;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

@Service
class PeopleDirectory implements People {

	private final UserRepository users;

	PeopleDirectory(UserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PersonView> find(UserId id) {
		return users.findById(id).map(PeopleDirectory::view);
	}

	@Override
	@Transactional(readOnly = true)
	public List<PersonView> members(OrganisationId organisation) {
		return users.findByOrganisation(organisation).stream().filter(UserRecord::enabled).map(PeopleDirectory::view).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> email(UserId id) {
		return users.findById(id).filter(UserRecord::enabled).map(UserRecord::email).filter(e -> !e.isBlank());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> language(UserId id) {
		return users.language(id);
	}

	@Override
	@Transactional
	public void rememberLanguage(UserId id, String language) {
		if (language.matches("[a-z]{2}")) {
			users.rememberLanguage(id, language);
		}
	}

	private static PersonView view(UserRecord user) {
		return new PersonView(user.id(), user.username(), user.displayName(), user.organisationId(), user.roles(),
				user.enabled());
	}
}
