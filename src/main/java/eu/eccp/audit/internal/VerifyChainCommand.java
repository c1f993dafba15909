package eu.eccp.audit.internal;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.PlatformCommand;

/**
 * {@code java -jar eccp.jar audit-verify [--checkpoints=FILE]}: checks the chain, and the chain against the
 * signed checkpoints (the platform's file, or the copy given). Exit codes: {@value #INTACT} intact,
 * {@value #BROKEN} broken (first broken link printed), {@value #CANNOT_RUN} the check could not run (bad
 * arguments, no database, unreadable checkpoint file).
 */
@Component
class VerifyChainCommand implements PlatformCommand {

	static final int INTACT = 0;
	static final int BROKEN = 1;
	static final int CANNOT_RUN = 2;

	private final AuditLog log;
	private final AuditTrail trail;

	VerifyChainCommand(AuditLog log, AuditTrail trail) {
		this.log = log;
		this.trail = trail;
	}

	@Override
	public String name() {
		return "audit-verify";
	}

	@Override
	public String description() {
		return "verify the audit trail's hash chain and signed checkpoints [--checkpoints=FILE];"
				+ " exit 0 intact, 1 broken, 2 cannot run";
	}

	@Override
	public int run(List<String> arguments, PrintStream out, PrintStream err) {
		Path checkpoints = null;
		for (String argument : arguments) {
			@Nullable Path file = argument.startsWith("--checkpoints=") ? path(argument.substring("--checkpoints=".length())) : null;
			if (file == null) {
				err.println("audit-verify: unknown argument '" + argument + "'; usage: audit-verify [--checkpoints=FILE]");
				return CANNOT_RUN;
			}
			if (!Files.isReadable(file)) {
				err.println("audit-verify: cannot read the checkpoint file " + file);
				return CANNOT_RUN;
			}
			checkpoints = file;
		}
		ChainVerification result;
		try {
			result = checkpoints == null ? log.verify() : log.verify(checkpoints);
		}
		catch (DataAccessException | UncheckedIOException | IllegalStateException e) {
			err.println("audit-verify: cannot verify: " + e.getMessage());
			return CANNOT_RUN;
		}
		if (result.intact()) {
			out.printf("audit trail intact: %d entries checked, against %d signed checkpoints%n", result.entriesChecked(),
					result.checkpointsChecked());
			trail.record(AuditActor.anonymous("cli"),
					AuditEvent.of("audit.verified", "audit_trail", null).withDetail("intact"));
			return INTACT;
		}
		err.printf("audit trail BROKEN at entry %d: %s (%d entries checked)%n", result.firstBrokenSeq(),
				result.problem(), result.entriesChecked());
		return BROKEN;
	}

	private static @Nullable Path path(String text) {
		try {
			return text.isBlank() ? null : Path.of(text);
		}
		catch (InvalidPathException e) {
			return null;
		}
	}
}
