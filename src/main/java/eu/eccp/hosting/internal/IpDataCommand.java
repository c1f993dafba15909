package eu.eccp.hosting.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

import eu.eccp.audit.AuditActor;
import eu.eccp.shared.PlatformCommand;

/**
 * {@code java -jar eccp.jar ip-data import FILE...}: loads RIR delegated-stats files and ip-location-db
 * country/ASN CSV files (IPv4 and IPv6, plain or gzip), each file replacing the earlier import of its dataset;
 * {@code ip-data contacts FILE}: imports the network abuse-contact table; {@code ip-data status}: lists the
 * datasets. Exit code 0 when everything was imported, 1 when a file was refused (the others are imported),
 * 2 for a usage error.
 */
@Component
class IpDataCommand implements PlatformCommand {

	private final IpDataImport imports;
	private final NetworkContacts contacts;

	IpDataCommand(IpDataImport imports, NetworkContacts contacts) {
		this.imports = imports;
		this.contacts = contacts;
	}

	@Override
	public String name() {
		return "ip-data";
	}

	@Override
	public String description() {
		return "import FILE... (RIR delegated stats, ip-location-db CSV) | contacts FILE (abuse contacts CSV) | status";
	}

	@Override
	public int run(List<String> arguments, PrintStream out, PrintStream err) {
		if (arguments.isEmpty()) {
			return usage(err);
		}
		List<String> files = arguments.subList(1, arguments.size());
		return switch (arguments.get(0)) {
			case "import" -> files.isEmpty() ? usage(err) : importAll(files, out, err);
			case "contacts" -> files.size() != 1 ? usage(err) : importContacts(Path.of(files.get(0)), out, err);
			case "status" -> status(out);
			default -> usage(err);
		};
	}

	private int importAll(List<String> files, PrintStream out, PrintStream err) {
		int failed = 0;
		for (String name : files) {
			Path file = Path.of(name);
			try {
				IpDataImport.Result result = imports.importFile(file);
				out.printf("%s: %s (%s), %d ranges imported, %d lines skipped%s%n", name, result.dataset(),
						result.format(), result.ranges(), result.skipped(), result.stored() == result.ranges() ? ""
								: " (" + result.stored() + " ranges stored once nested ranges were split)");
				result.problems().forEach(problem -> out.println("  skipped " + problem));
				if (result.overlapping() > 0) {
					out.printf("  warning: %d ranges overlap an earlier range (the file is not sorted by start); lookups may miss them%n",
							result.overlapping());
				}
			}
			catch (NoSuchFileException e) {
				err.println(name + ": no such file");
				failed++;
			}
			catch (IOException e) {
				err.println(name + ": cannot be read (" + e.getMessage() + ")");
				failed++;
			}
			catch (IllegalArgumentException e) {
				err.println(name + ": " + e.getMessage() + "; nothing of it was imported");
				failed++;
			}
		}
		return failed == 0 ? 0 : 1;
	}

	private int importContacts(Path file, PrintStream out, PrintStream err) {
		try (Reader reader = Files.newBufferedReader(file)) {
			NetworkContacts.ImportSummary summary = contacts.importCsv(AuditActor.SYSTEM, null, reader);
			if (!summary.problems().isEmpty()) {
				summary.problems().forEach(problem -> err.println(file + ": " + problem));
				err.println(file + ": nothing was imported");
				return 1;
			}
			out.printf("%s: %d network contacts stored%n", file, summary.stored());
			return 0;
		}
		catch (NoSuchFileException e) {
			err.println(file + ": no such file");
			return 1;
		}
		catch (IOException | IllegalArgumentException e) {
			err.println(file + ": cannot be read (" + e.getMessage() + ")");
			return 1;
		}
	}

	private int status(PrintStream out) {
		List<IpRangeRepository.Source> sources = imports.sources();
		if (sources.isEmpty()) {
			out.println("no IP data imported");
		}
		sources.forEach(source -> out.printf("%-45s %-7s %10d ranges  imported %s from %s%n", source.name(),
				source.kind(), source.ranges(), source.importedAt(), source.fileName()));
		return 0;
	}

	private static int usage(PrintStream err) {
		err.println("usage: java -jar eccp.jar ip-data import FILE...   (delegated-*-extended files, ip-location-db CSV)");
		err.println("       java -jar eccp.jar ip-data contacts FILE    (CSV: asn,name,abuse_email,organisation,note)");
		err.println("       java -jar eccp.jar ip-data status");
		return 2;
	}
}
