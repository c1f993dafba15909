package eu.eccp.audit.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

import eu.eccp.audit.internal.AuditEntry;
import eu.eccp.audit.internal.AuditLog;
import eu.eccp.audit.internal.ChainVerification;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.Role;

/** The audit trail for auditors over the API: filtered entries and the chain verification. */
@RestController
@Tag(name = "Audit trail")
@RequestMapping("/api/v1/audit")
class AuditApiController {

	private final AuditLog log;

	AuditApiController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/entries")
	Page<AuditEntry> entries(AuditFilter filter, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return log.search(CallerContext.require(), filter.toQuery(), PageRequest.of(page, size));
	}

	@GetMapping("/verification")
	ChainVerification verification() {
		CallerContext.require().requireAny(Role.AUDITOR);
		return log.verify();
	}
}
