package eu.eccp.hosting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import eu.eccp.audit.AuditActor;

/**
 * Demo mode only ({@code --eccp.demo=true}, and {@code eccp.hosting.demo-data} not switched off): when no IP
 * data was imported, loads the excerpt shipped in {@code classpath:hosting/ip-data-excerpt/} (a few real ranges of
 * the ip-location-db files, CC BY 4.0) and two DEMO network contacts: AS60781 (a Dutch network) answered for by the
 * demo hosting provider {@code hosting}, and AS24940 (a German network) with a demo abuse address. These contacts
 * are demo data: they are not the real networks' desks.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "eccp.demo", havingValue = "true")
class HostingDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(HostingDemoData.class);

	static final List<String> EXCERPT = List.of("delegated-ripencc-extended-20261130", "delegated-arin-extended-latest",
			"geo-whois-asn-country-ipv4.csv", "geo-whois-asn-country-ipv6.csv", "asn-ipv4.csv", "asn-ipv6.csv");

	private static final String CONTACTS = """
			asn,name,abuse_email,organisation,note
			60781,Demo hosting provider (NL),,hosting,DEMO DATA: the demo hosting provider stands in for this network's operator
			24940,Demo hosting provider (DE),abuse@hosting-de.example.de,,DEMO DATA: not the real network's abuse desk
			""";

	private final HostingProperties properties;
	private final IpLocations locations;
	private final IpDataImport imports;
	private final NetworkContacts contacts;

	HostingDemoData(HostingProperties properties, IpLocations locations, IpDataImport imports, NetworkContacts contacts) {
		this.properties = properties;
		this.locations = locations;
		this.imports = imports;
		this.contacts = contacts;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!properties.demoData() || !locations.empty()) {
			return;
		}
		Path directory = Files.createTempDirectory("eccp-demo-ip-data");
		try {
			for (String name : EXCERPT) {
				Path file = directory.resolve(name);
				try (InputStream in = HostingDemoData.class.getResourceAsStream("/hosting/ip-data-excerpt/" + name)) {
					if (in == null) {
						throw new IllegalStateException("hosting/ip-data-excerpt/" + name + " is missing");
					}
					Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				}
				imports.importFile(file);
				Files.delete(file);
			}
		}
		finally {
			Files.deleteIfExists(directory);
		}
		NetworkContacts.ImportSummary summary = contacts.importCsv(AuditActor.SYSTEM, null, new StringReader(CONTACTS));
		if (!summary.problems().isEmpty()) {
			throw new UncheckedIOException(new IOException("demo network contacts: " + summary.problems()));
		}
		log.warn("DEMO DATA: IP data excerpt and {} demo network contacts loaded (not the real networks' desks)", summary.stored());
	}
}
