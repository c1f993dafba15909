package eu.eccp.contactpoints.internal;

import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import eu.eccp.shared.ShippedLanguages;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.organisations.People;
import eu.eccp.organisations.PersonView;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.GeneratedText;

/**
 * Demo directory entries, only with {@code --eccp.demo=true}, after the demo organisations exist: every
 * member state's 24/7 point (staffed 24/7), the demo ISP (24/7 abuse desk), hosting provider and bank
 * (office hours). Entries already present are left as their admins edited them.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "eccp.demo", havingValue = "true")
class ContactPointDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ContactPointDemoData.class);

	private static final Map<String, String> LANGUAGES = Map.ofEntries(Map.entry("AT", "de"), Map.entry("BE", "nl,fr,de"),
			Map.entry("BG", "bg"), Map.entry("HR", "hr"), Map.entry("CY", "el"), Map.entry("CZ", "cs"),
			Map.entry("DK", "da"), Map.entry("EE", "et"), Map.entry("FI", "fi,sv"), Map.entry("FR", "fr"),
			Map.entry("DE", "de"), Map.entry("GR", "el"), Map.entry("HU", "hu"), Map.entry("IE", "ga"),
			Map.entry("IT", "it"), Map.entry("LV", "lv"), Map.entry("LT", "lt"), Map.entry("LU", "lb,fr,de"),
			Map.entry("MT", "mt"), Map.entry("NL", "nl"), Map.entry("PL", "pl"), Map.entry("PT", "pt"),
			Map.entry("RO", "ro"), Map.entry("SK", "sk"), Map.entry("SI", "sl"), Map.entry("ES", "es"),
			Map.entry("SE", "sv"));

	/** The languages the platform ships: an entry's texts are written in the first of its languages among them. */
	static final List<String> SHIPPED = ShippedLanguages.CODES;

	private final ContactPointRepository entries;
	private final Organisations organisations;
	private final People people;
	private final Clock clock;
	private final MessageSource messages;

	ContactPointDemoData(ContactPointRepository entries, Organisations organisations, People people, Clock clock, MessageSource messages) {
		this.entries = entries;
		this.organisations = organisations;
		this.people = people;
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * The language an organisation writes its own entry in: the first of its languages the platform ships (French
	 * for Belgium and Luxembourg, German for Austria), English where it ships none of them.
	 */
	static Locale ownLanguage(String languages) {
		return List.of(languages.split(",")).stream().filter(SHIPPED::contains).filter(l -> !l.equals("en")).findFirst()
			.map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
	}

	/** A demo text written in a language, exactly as {@link DemoDirectoryTexts} recognises it. */
	private String text(GeneratedText text, Locale language) {
		return messages.getMessage(text.key(), text.arguments().apply(language), language);
	}

	private String text(String key, Locale language) {
		return text(GeneratedText.of(key), language);
	}

	@Override
	public void run(ApplicationArguments args) {
		int created = 0;
		// every text of an entry in the organisation's own language (see ownLanguage), the country named in it
		for (String country : new TreeSet<>(CountryCode.EU_MEMBER_STATES)) {
			String code = country.toLowerCase(Locale.ROOT);
			Locale own = ownLanguage(LANGUAGES.get(country));
			created += seed(code + "-247", text(DemoDirectoryTexts.NATIONAL, own),
					"PRESERVATION,TRAFFIC_DATA,SUBSCRIBER_DATA,EMERGENCY_DISCLOSURE", "en," + LANGUAGES.get(country),
					null, null, "Europe/Brussels", "+3222000" + (100 + created), "247@" + code + ".police.example.eu",
					text(DemoDirectoryTexts.dutyOfficer(country), own),
					"duty@" + code + ".police.example.eu");
		}
		Locale german = Locale.GERMAN;
		created += seed("isp", text("demo.contactPoint.isp", german),
				"PRESERVATION,TRAFFIC_DATA,SUBSCRIBER_DATA,EMERGENCY_DISCLOSURE,ACCOUNT_FREEZE", "de,en", null, null,
				"Europe/Berlin", "+4930123456", "lea@isp.example.de", text("demo.contactPoint.ispBackup", german),
				"nightshift@isp.example.de");
		Locale english = ownLanguage("nl,en");
		created += seed("hosting", text("demo.contactPoint.hosting", english),
				"PRESERVATION,SUBSCRIBER_DATA,CONTENT_REMOVAL", "nl,en", LocalTime.of(8, 0), LocalTime.of(18, 0),
				"Europe/Amsterdam", "+31201234567", "abuse@hosting.example.nl", text("demo.contactPoint.hostingBackup", english),
				"oncall@hosting.example.nl");
		Locale french = ownLanguage("fr,en");
		created += seed("bank", text("demo.contactPoint.bank", french), "ACCOUNT_FREEZE,SUBSCRIBER_DATA,PRESERVATION",
				"fr,en", LocalTime.of(9, 0), LocalTime.of(17, 30), "Europe/Paris", "+33140000000", "fraude@bank.example.fr",
				text("demo.contactPoint.bankBackup", french), "fraude-astreinte@bank.example.fr");
		log.warn("DEMO MODE: {} demo contact-point directory entries created", created);
	}

	private int seed(String shortName, String description, String capabilities, String languages,
			@Nullable LocalTime opens, @Nullable LocalTime closes, String zone, String phone, String email,
			String backupName, String backupEmail) {
		OrganisationView org = organisations.findByShortName(shortName).orElse(null);
		if (org == null) {
			return 0;
		}
		List<PersonView> members = people.members(org.id());
		UUID backupUser = members.isEmpty() ? null : members.get(0).id().value();
		ContactPointDirectory.Row row = new ContactPointDirectory.Row(org.id().value(), description,
				List.of(capabilities.split(",")).stream().map(Capability::valueOf).toList(),
				List.copyOf(new java.util.LinkedHashSet<>(List.of(languages.split(",")))), opens == null, opens, closes, zone, phone,
				email, true, new ContactPointView.Backup(backupName, null, backupEmail, backupUser), clock.instant());
		return entries.addIfAbsent(row) ? 1 : 0;
	}
}
