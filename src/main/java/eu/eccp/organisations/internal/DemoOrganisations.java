package eu.eccp.organisations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import eu.eccp.organisations.OrganisationType;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.GeneratedText;

/**
 * The demo organisations, each named by a message key ({@code demo.organisation.*}): demo mode stores the English
 * name, which the other modules and the API keep reading, and pages show it in the reader's language through
 * {@link eu.eccp.shared.GeneratedTexts}. This list is there without demo mode too: a database started once in demo
 * mode keeps its organisations, and their names are still shown translated.
 */
@Component
class DemoOrganisations implements GeneratedText.Source {

	/** A demo organisation: its name's key and arguments, short name, type and country. */
	record DemoOrganisation(GeneratedText name, String shortName, OrganisationType type, String country) {
	}

	/** The name of the platform operator's organisation in demo mode. */
	static final GeneratedText OPERATOR = GeneratedText.of("demo.organisation.operator");

	static final List<DemoOrganisation> ALL = all();

	private static List<DemoOrganisation> all() {
		List<DemoOrganisation> all = new ArrayList<>();
		for (String country : new TreeSet<>(CountryCode.EU_MEMBER_STATES)) {
			String code = country.toLowerCase(Locale.ROOT);
			all.add(new DemoOrganisation(GeneratedText.naming("demo.organisation.nationalUnit", country), code + "-unit",
					OrganisationType.NATIONAL_UNIT, country));
			all.add(new DemoOrganisation(GeneratedText.naming("demo.organisation.contactPoint", country), code + "-247",
					OrganisationType.CONTACT_POINT, country));
		}
		all.add(fixed("europol", OrganisationType.EU_BODY, "NL"));
		all.add(fixed("hotline", OrganisationType.HOTLINE, "IE"));
		all.add(fixed("isp", OrganisationType.ISP, "DE"));
		all.add(fixed("hosting", OrganisationType.HOSTING_PROVIDER, "NL"));
		all.add(fixed("bank", OrganisationType.BANK, "FR"));
		all.add(fixed("fr-hotline", OrganisationType.HOTLINE, "FR"));
		all.add(fixed("de-hotline", OrganisationType.HOTLINE, "DE"));
		all.add(fixed("nl-hotline", OrganisationType.HOTLINE, "NL"));
		all.add(fixed("hosting-de", OrganisationType.HOSTING_PROVIDER, "DE"));
		all.add(fixed("cepol", OrganisationType.TRAINING_ORGANISER, "HU"));
		all.add(fixed("ecteg", OrganisationType.TRAINING_ORGANISER, "BE"));
		all.add(fixed("ejtn", OrganisationType.TRAINING_ORGANISER, "BE"));
		return List.copyOf(all);
	}

	private static DemoOrganisation fixed(String shortName, OrganisationType type, String country) {
		return new DemoOrganisation(GeneratedText.of("demo.organisation." + shortName), shortName, type, country);
	}

	@Override
	public Iterable<GeneratedText> generatedTexts() {
		List<GeneratedText> names = new ArrayList<>(ALL.stream().map(DemoOrganisation::name).toList());
		names.add(OPERATOR);
		return names;
	}
}
