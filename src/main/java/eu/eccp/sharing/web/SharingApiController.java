package eu.eccp.sharing.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.shared.CallerContext;
import eu.eccp.sharing.internal.AgreementDraft;
import eu.eccp.sharing.internal.AgreementView;
import eu.eccp.sharing.internal.SharingAgreements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Sharing agreements over the API: coordinators and admins make and end them, parties read theirs. */
@RestController
@RequestMapping("/api/v1/sharing")
@Tag(name = "Sharing")
class SharingApiController {

	private final SharingAgreements agreements;

	SharingApiController(SharingAgreements agreements) {
		this.agreements = agreements;
	}

	@GetMapping("/agreements")
	@Operation(summary = "The agreements the caller's organisation is party to (coordinators, the platform's admins and auditors: all)")
	List<AgreementView> list() {
		return agreements.visible(CallerContext.require());
	}

	@PostMapping("/agreements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Make an agreement (coordinators, the platform's admins; an organisation's admin for its own organisation)")
	AgreementView create(@RequestBody AgreementDraft draft) {
		return agreements.create(CallerContext.require(), draft);
	}

	@GetMapping("/agreements/{id}")
	AgreementView find(@PathVariable UUID id) {
		return agreements.find(CallerContext.require(), id);
	}

	@PostMapping("/agreements/{id}/end")
	@Operation(summary = "End an agreement at once: its collection and feed stop answering")
	AgreementView end(@PathVariable UUID id) {
		return agreements.end(CallerContext.require(), id);
	}
}
