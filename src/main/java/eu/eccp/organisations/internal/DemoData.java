package eu.eccp.organisations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import eu.eccp.organisations.OrganisationView;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.GeneratedTexts;
import eu.eccp.shared.Role;

/**
 * Demo organisations and accounts, created only with {@code --eccp.demo=true}: a national unit and a 24/7
 * contact point for each EU member state, Europol, a hotline, three private partners and the platform
 * operator, with one account per role a reviewer needs. Every demo account has the password {@code demo}
 * and works only while demo mode is on.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "eccp.demo", havingValue = "true")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** The demo accounts: username, display name, organisation short name, roles. */
	record DemoAccount(String username, String displayName, String organisation, Set<Role> roles) {
	}

	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("fr.analyst", "Camille Martin (FR unit)", "fr-unit", Set.of(Role.ANALYST)),
			new DemoAccount("de.analyst", "Jonas Weber (DE unit)", "de-unit", Set.of(Role.ANALYST)),
			new DemoAccount("nl.analyst", "Sanne de Vries (NL unit)", "nl-unit", Set.of(Role.ANALYST)),
			new DemoAccount("fr.admin", "Louis Bernard (FR unit admin)", "fr-unit", Set.of(Role.ADMIN)),
			new DemoAccount("be.contact", "Lotte Peeters (BE 24/7)", "be-247", Set.of(Role.CONTACT_POINT_OFFICER)),
			new DemoAccount("hotline.analyst", "Aoife Byrne (hotline)", "hotline", Set.of(Role.HOTLINE_ANALYST)),
			new DemoAccount("isp.partner", "ISP abuse desk", "isp", Set.of(Role.PARTNER)),
			new DemoAccount("hosting.partner", "Hosting abuse desk", "hosting", Set.of(Role.PARTNER)),
			new DemoAccount("bank.partner", "Bank fraud desk", "bank", Set.of(Role.PARTNER)),
			new DemoAccount("europol.coordinator", "Europol EC3 coordinator", "europol", Set.of(Role.COORDINATOR)),
			// a second coordinator: public advisories are published only after a second person approves them
			new DemoAccount("europol.coordinator2", "Europol EC3 second coordinator", "europol", Set.of(Role.COORDINATOR)),
			new DemoAccount("blocklist.officer", "Europol EC3 block-list officer", "europol", Set.of(Role.BLOCKLIST_OFFICER)),
			new DemoAccount("statistician", "Platform statistician", "platform-operator", Set.of(Role.STATISTICIAN)),
			new DemoAccount("trainer", "Platform trainer", "platform-operator", Set.of(Role.TRAINER)),
			new DemoAccount("dpo", "Data-protection officer", "platform-operator", Set.of(Role.AUDITOR)),
			new DemoAccount("admin", "Platform administrator", "platform-operator", Set.of(Role.ADMIN)),
			// illegal-content hotlines (two analysts where four-eyes needs a second one) and a second hosting provider
			new DemoAccount("fr.hotline", "Léa Moreau (FR hotline)", "fr-hotline", Set.of(Role.HOTLINE_ANALYST)),
			new DemoAccount("fr.hotline2", "Hugo Lefèvre (FR hotline)", "fr-hotline", Set.of(Role.HOTLINE_ANALYST)),
			new DemoAccount("de.hotline", "Mia Schneider (DE hotline)", "de-hotline", Set.of(Role.HOTLINE_ANALYST)),
			new DemoAccount("nl.hotline", "Daan Bakker (NL hotline)", "nl-hotline", Set.of(Role.HOTLINE_ANALYST)),
			new DemoAccount("nl.hotline2", "Emma Visser (NL hotline)", "nl-hotline", Set.of(Role.HOTLINE_ANALYST)),
			new DemoAccount("hosting-de.partner", "DE hosting abuse desk", "hosting-de", Set.of(Role.PARTNER)),
			// training: a trainer of an EU training organiser, and the German unit's national training coordinator
			// (designated by the training module's demo data)
			new DemoAccount("cepol.trainer", "Ana Sousa (CEPOL trainer)", "cepol", Set.of(Role.TRAINER)),
			new DemoAccount("de.training", "Lena Fischer (DE training coordinator)", "de-unit", Set.of(Role.ANALYST)));

	private final AccountProvisioning provisioning;

	private final GeneratedTexts texts;

	DemoData(AccountProvisioning provisioning, GeneratedTexts texts) {
		this.provisioning = provisioning;
		this.texts = texts;
	}

	@Override
	public void run(ApplicationArguments args) {
		// the names stored in English (other modules and the API read them); pages show them in the reader's language
		for (DemoOrganisations.DemoOrganisation org : DemoOrganisations.ALL) {
			provisioning.demoOrganisation(texts.write(org.name(), Locale.ENGLISH), org.shortName(), org.type(), org.country());
		}
		provisioning.operator(texts.write(DemoOrganisations.OPERATOR, Locale.ENGLISH), CountryCode.of("BE"), true);
		int organisations = DemoOrganisations.ALL.size() + 1;

		String demoHash = provisioning.hash("demo");
		List<String> created = new ArrayList<>();
		for (DemoAccount account : ACCOUNTS) {
			OrganisationView org = provisioning.organisation(account.organisation());
			provisioning.demoAccount(account.username(), account.displayName(), org, demoHash, account.roles());
			created.add(account.username() + " " + account.roles());
		}
		log.warn("DEMO MODE: {} demo organisations; demo accounts (password 'demo', usable only in demo mode): {}",
				organisations, String.join(", ", created));
	}
}
