package eu.eccp.contactpoints.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.contactpoints.internal.ContactPointDirectory;
import eu.eccp.contactpoints.internal.ContactPointUpdate;
import eu.eccp.contactpoints.internal.ContactPointView;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The directory of 24/7 and private-sector contact points over the API. */
@RestController
@RequestMapping("/api/v1/contact-points")
@Tag(name = "Contact points")
class ContactPointsApiController {

	private final ContactPointDirectory directory;

	ContactPointsApiController(ContactPointDirectory directory) {
		this.directory = directory;
	}

	@GetMapping
	@Operation(summary = "Search the directory: country (ISO code), type (organisation type, e.g. ISP, CONTACT_POINT) "
			+ "and capability (e.g. PRESERVATION, EMERGENCY_DISCLOSURE); each entry says whether it is open now")
	List<ContactPointView> search(@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String capability) {
		return directory.search(CallerContext.require(), new ContactPointDirectory.Filter(country, type, capability));
	}

	@GetMapping("/{organisationId}")
	@Operation(summary = "One organisation's entry")
	ContactPointView entry(@PathVariable UUID organisationId) {
		return directory.find(CallerContext.require(), organisationId)
			.orElseThrow(() -> new RecordNotFoundException("contact point"));
	}

	@PutMapping("/{organisationId}")
	@Operation(summary = "Create or replace an organisation's entry: its own admins, or the platform's")
	ContactPointView update(@PathVariable UUID organisationId, @RequestBody ContactPointUpdate update) {
		return directory.update(CallerContext.require(), organisationId, update);
	}
}
