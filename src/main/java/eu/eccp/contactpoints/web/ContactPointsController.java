package eu.eccp.contactpoints.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.contactpoints.internal.Capability;
import eu.eccp.contactpoints.internal.ContactPointDirectory;
import eu.eccp.contactpoints.internal.ContactPointUpdate;
import eu.eccp.contactpoints.internal.ContactPointView;
import eu.eccp.contactpoints.internal.UrgentRequests;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Labels;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The directory pages: search with filters (the results alone for htmx), and the edit page of an
 * organisation's own entry.
 */
@Controller
class ContactPointsController {

	private final ContactPointDirectory directory;

	private final Labels labels;

	ContactPointsController(ContactPointDirectory directory, Labels labels) {
		this.directory = directory;
		this.labels = labels;
	}

	/** The edit form as posted: capabilities as checkboxes, languages as one comma-separated line. */
	record EntryForm(@Nullable String description, @Nullable List<String> capabilities, @Nullable String languages,
			@Nullable String hours, @Nullable String officeOpens, @Nullable String officeCloses, @Nullable String timeZone,
			@Nullable String phone, @Nullable String email, @Nullable String platformChannel, @Nullable String backupName,
			@Nullable String backupPhone, @Nullable String backupEmail) {

		ContactPointUpdate toUpdate(@Nullable UUID backupUser) {
			return new ContactPointUpdate(description, capabilities,
					languages == null ? List.of() : Arrays.stream(languages.split("[,\\s]+")).toList(),
					!"OFFICE".equals(hours), officeOpens, officeCloses, timeZone, phone, email,
					!"false".equals(platformChannel), backupName, backupPhone, backupEmail,
					backupUser == null ? null : backupUser.toString());
		}

		static EntryForm of(ContactPointView entry) {
			return new EntryForm(entry.description(), entry.capabilities().stream().map(Enum::name).toList(),
					String.join(", ", entry.languages()), entry.alwaysOpen() ? "ALWAYS" : "OFFICE",
					entry.officeOpens() == null ? null : entry.officeOpens().toString(),
					entry.officeCloses() == null ? null : entry.officeCloses().toString(), entry.timeZone(), entry.phone(),
					entry.email(), String.valueOf(entry.platformChannel()), entry.backup().name(), entry.backup().phone(),
					entry.backup().email());
		}
	}

	/** Entries per page of the directory (it lists every unit, contact point and private partner of the EU). */
	static final int PAGE_SIZE = 25;

	@GetMapping("/contact-points")
	String directory(@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String capability,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			HttpServletResponse response) {
		CallerContext me = CallerContext.require();
		model.addAttribute("country", country);
		model.addAttribute("type", type);
		model.addAttribute("capability", capability);
		model.addAttribute("types", OrganisationType.values());
		model.addAttribute("countryChoices", labels.countryNames(directory.countries()));
		model.addAttribute("capabilities", Capability.values());
		model.addAttribute("maySend", UrgentRequests.maySend(me));
		model.addAttribute("ownEditable", ContactPointDirectory.mayEdit(me, me.organisationId().value()));
		try {
			Page<ContactPointView> entries = directory.page(me, new ContactPointDirectory.Filter(country, type, capability),
					PageRequest.forPage(page, PAGE_SIZE));
			model.addAttribute("entries", entries);
			model.addAttribute("groups", byCountry(entries.items()));
			model.addAttribute("errors", Map.of());
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("entries", new Page<ContactPointView>(List.of(), 0, PAGE_SIZE, 0));
			model.addAttribute("groups", List.of());
			model.addAttribute("errors", e.fieldErrors());
		}
		return htmx != null ? "contactpoints/directory :: results" : "contactpoints/directory";
	}

	/** The directory's entries of one country, under the country's name in the reader's language. */
	record CountryGroup(String code, String name, List<ContactPointView> entries) {
	}

	/** A page's entries grouped by country, in the page's order (country, kind of organisation, name). */
	private List<CountryGroup> byCountry(List<ContactPointView> entries) {
		Map<String, List<ContactPointView>> grouped = new java.util.LinkedHashMap<>();
		entries.forEach(e -> grouped.computeIfAbsent(e.country(), c -> new java.util.ArrayList<>()).add(e));
		return grouped.entrySet().stream()
			.map(g -> new CountryGroup(g.getKey(), labels.country(g.getKey()), g.getValue()))
			.toList();
	}

	@GetMapping("/contact-points/{organisationId}/edit")
	String edit(@PathVariable UUID organisationId, Model model) {
		ContactPointView entry = directory.forEditing(CallerContext.require(), organisationId);
		model.addAttribute("entry", entry);
		model.addAttribute("form", EntryForm.of(entry));
		model.addAttribute("errors", Map.of());
		model.addAttribute("capabilities", Capability.values());
		model.addAttribute("limits", ContactPointDirectory.LIMITS);
		return "contactpoints/edit";
	}

	@PostMapping("/contact-points/{organisationId}")
	String save(@PathVariable UUID organisationId, @ModelAttribute EntryForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CallerContext me = CallerContext.require();
		ContactPointView entry = directory.forEditing(me, organisationId);
		try {
			directory.update(me, organisationId, form.toUpdate(entry.backup().userId()));
			redirect.addFlashAttribute("notice", "contactPoints.saved");
			return "redirect:/contact-points?country=" + entry.country();
		}
		catch (InvalidRequestException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("entry", entry);
			model.addAttribute("form", form);
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("capabilities", Capability.values());
			model.addAttribute("limits", ContactPointDirectory.LIMITS);
			return "contactpoints/edit";
		}
	}
}
