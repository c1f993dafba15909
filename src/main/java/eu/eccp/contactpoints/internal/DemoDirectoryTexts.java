package eu.eccp.contactpoints.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.GeneratedText;

/**
 * The texts of the demo directory entries ({@code demo.contactPoint.*}): {@link ContactPointDemoData} stores each in
 * its organisation's own language, and the directory shows it in the reader's through
 * {@link eu.eccp.shared.GeneratedTexts} until an administrator rewrites it. Listed without demo mode too, for a
 * database started once in demo mode.
 */
@Component
class DemoDirectoryTexts implements GeneratedText.Source {

	static final GeneratedText NATIONAL = GeneratedText.of("demo.contactPoint.national");

	static GeneratedText dutyOfficer(String country) {
		return GeneratedText.naming("demo.contactPoint.dutyOfficer", country);
	}

	@Override
	public Iterable<GeneratedText> generatedTexts() {
		List<GeneratedText> texts = new ArrayList<>();
		texts.add(NATIONAL);
		for (String country : new TreeSet<>(CountryCode.EU_MEMBER_STATES)) {
			texts.add(dutyOfficer(country));
		}
		for (String key : List.of("isp", "ispBackup", "hosting", "hostingBackup", "bank", "bankBackup")) {
			texts.add(GeneratedText.of("demo.contactPoint." + key));
		}
		return texts;
	}
}
