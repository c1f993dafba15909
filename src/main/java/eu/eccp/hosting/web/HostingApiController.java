package eu.eccp.hosting.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.hosting.HostingLocation;
import eu.eccp.hosting.HostingLookup;
import eu.eccp.hosting.internal.NetworkContacts;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Where a URL is hosted and who answers for its network, and the operator's table of network contacts. */
@RestController
@RequestMapping("/api/v1/hosting")
@Tag(name = "Hosting")
class HostingApiController {

	private final HostingLookup lookup;
	private final NetworkContacts contacts;
	private final AuditTrail audit;

	HostingApiController(HostingLookup lookup, NetworkContacts contacts, AuditTrail audit) {
		this.lookup = lookup;
		this.contacts = contacts;
		this.audit = audit;
	}

	@GetMapping("/lookup")
	@Operation(summary = "Where a URL (or host name, address, defanged URL) is hosted: its addresses with country, AS number "
			+ "and network owner, whether it is behind a CDN, and the desk a notice goes to (analysts and hotline analysts; audited)")
	LocationView lookup(@RequestParam(required = false) @Nullable String url) {
		CallerContext caller = CallerContext.require().requireAny(Role.ANALYST, Role.HOTLINE_ANALYST);
		if (url == null || url.isBlank()) {
			throw new InvalidRequestException("url", "validation.required");
		}
		HostingLocation location = lookup.locate(url);
		audit.record(AuditEvent.of("hosting.lookup", "host", location.host())
			.withDetail("resolution=" + location.resolution() + (location.asn() == null ? "" : ", AS" + location.asn())));
		return LocationView.of(location);
	}

	@GetMapping("/network-contacts")
	@Operation(summary = "The operator's table of network contacts by AS number (analysts, hotline analysts, coordinators, platform admins)")
	List<NetworkContacts.NetworkContact> networkContacts() {
		return contacts.list(CallerContext.require());
	}

	@PutMapping("/network-contacts/{asn}")
	@Operation(summary = "Create or replace the contact of a network: name, abuseEmail and/or organisation (short name or id "
			+ "of the platform organisation operating it), note (platform admins; audited)")
	NetworkContacts.NetworkContact putNetworkContact(@PathVariable String asn, @RequestBody NetworkContacts.NetworkContactInput input) {
		return contacts.put(CallerContext.require(), asn(asn), input);
	}

	@DeleteMapping("/network-contacts/{asn}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove the contact of a network (platform admins; audited)")
	void deleteNetworkContact(@PathVariable String asn) {
		contacts.delete(CallerContext.require(), asn(asn));
	}

	@PostMapping(path = "/network-contacts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a CSV table (asn,name,abuse_email,organisation,note) as multipart 'file'; rows replace those "
			+ "of the same AS number; a file with a bad row changes nothing (platform admins; audited)")
	ResponseEntity<?> importNetworkContacts(@RequestParam("file") MultipartFile file) throws IOException {
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			NetworkContacts.ImportSummary summary = contacts.importCsv(CallerContext.require(), reader);
			if (summary.problems().isEmpty()) {
				return ResponseEntity.ok(summary);
			}
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					"The table was not imported: " + summary.problems().size() + " rows are not valid.");
			problem.setTitle("Invalid network contacts");
			problem.setProperty("problems", summary.problems());
			return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

	private static long asn(String text) {
		try {
			return Long.parseLong(text.replaceFirst("^(?i)as", ""));
		}
		catch (NumberFormatException e) {
			throw new InvalidRequestException("asn", "hosting.validation.asn");
		}
	}
}
