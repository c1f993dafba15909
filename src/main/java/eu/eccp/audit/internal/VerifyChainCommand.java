package eu.eccp.audit.internal;

import java.io.PrintStream;
import java.util.List;

import org.springframework.stereotype.Component;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.audit.ChainVerification;
import eu.eccp.shared.PlatformCommand;

/** {@code java -jar eccp.jar audit-verify}: exits 0 when the chain is intact, 1 at the first broken link. */
@Component
class VerifyChainCommand implements PlatformCommand {

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
		return "verify the audit trail's hash chain; exit 0 if intact, 1 at the first broken link";
	}

	@Override
	public int run(List<String> arguments, PrintStream out, PrintStream err) {
		ChainVerification result = log.verify();
		if (result.intact()) {
			out.printf("audit trail intact: %d entries checked%n", result.entriesChecked());
			trail.record(AuditActor.anonymous("cli"),
					AuditEvent.of("audit.verified", "audit_trail", null).withDetail("intact"));
			return 0;
		}
		err.printf("audit trail BROKEN at entry %d: %s (%d entries checked)%n", result.firstBrokenSeq(),
				result.problem(), result.entriesChecked());
		return 1;
	}
}
