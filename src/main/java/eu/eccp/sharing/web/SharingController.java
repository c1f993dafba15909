package eu.eccp.sharing.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.sharing.internal.Agreement;
import eu.eccp.sharing.internal.AgreementDraft;
import eu.eccp.sharing.internal.Iep;
import eu.eccp.sharing.internal.Pap;
import eu.eccp.sharing.internal.SharingAgreements;

/**
 * The sharing page: the agreements the caller's organisation is party to (coordinators, the platform's admins and
 * auditors: all), each with its collection's TAXII and MISP addresses; coordinators and admins make and end them.
 */
@Controller
class SharingController {

	private final SharingAgreements agreements;
	private final Organisations organisations;

	SharingController(SharingAgreements agreements, Organisations organisations) {
		this.agreements = agreements;
		this.organisations = organisations;
	}

	/** The form as the page posts it (lists from multiple selects and checkboxes). */
	public record AgreementForm(@Nullable String name, @Nullable String description, @Nullable List<String> sharingOrganisations,
			@Nullable List<String> receivingOrganisations, @Nullable List<String> indicatorTypes,
			@Nullable List<String> personalTypes, @Nullable List<String> clearValueTypes,
			@Nullable String clearValuePurpose, @Nullable Boolean pseudonymousSources, @Nullable String tlp,
			@Nullable String pap, @Nullable String encryptInTransit, @Nullable String permittedActions,
			@Nullable String affectedPartyNotifications, @Nullable String attribution, @Nullable String unmodifiedResale,
			@Nullable String resharing, @Nullable Integer retentionDays, @Nullable String validFrom,
			@Nullable String validUntil, @Nullable Boolean publicClear) {

		static AgreementForm empty() {
			return new AgreementForm("", "", List.of(), List.of(), List.of("URL", "DOMAIN"), List.of(), List.of(), "", false,
					"GREEN", "GREEN", "MUST", "INTERNALLY_VISIBLE_ACTIONS", "MAY", "MUST_NOT", "MUST_NOT", "MUST_NOT", 90, "",
					"", false);
		}

		AgreementDraft draft() {
			return new AgreementDraft(name, description, sharingOrganisations, receivingOrganisations, indicatorTypes,
					personalTypes, clearValueTypes, clearValuePurpose, pseudonymousSources, tlp, pap, encryptInTransit,
					permittedActions, affectedPartyNotifications, attribution, unmodifiedResale, resharing, retentionDays,
					validFrom, validUntil, false, publicClear);
		}

		public boolean has(@Nullable List<String> list, String value) {
			return list != null && list.contains(value);
		}
	}

	@GetMapping("/sharing")
	String page(Model model) {
		return show(model, AgreementForm.empty(), Map.of());
	}

	@PostMapping("/sharing")
	String create(AgreementForm form, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		try {
			agreements.create(CallerContext.require(), form.draft());
			redirect.addFlashAttribute("notice", "sharing.notice.created");
			return "redirect:/sharing";
		}
		catch (InvalidRequestException e) {
			response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(model, form, e.fieldErrors());
		}
	}

	@PostMapping("/sharing/{id}/end")
	String end(@PathVariable UUID id, RedirectAttributes redirect) {
		agreements.end(CallerContext.require(), id);
		redirect.addFlashAttribute("notice", "sharing.notice.ended");
		return "redirect:/sharing";
	}

	private String show(Model model, AgreementForm form, Map<String, String> errors) {
		CallerContext me = CallerContext.require();
		model.addAttribute("agreements", agreements.visible(me));
		model.addAttribute("canManage", agreements.mayManage(me));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		List<OrganisationView> all = new ArrayList<>();
		for (OrganisationType type : OrganisationType.values()) {
			all.addAll(organisations.findByType(type));
		}
		all.sort(Comparator.comparing(OrganisationView::name));
		model.addAttribute("organisations", all);
		model.addAttribute("types", Agreement.SHAREABLE_TYPES);
		model.addAttribute("personalTypes", Agreement.ALWAYS_PERSONAL);
		model.addAttribute("ceilings", List.of("CLEAR", "GREEN", "AMBER"));
		model.addAttribute("paps", Pap.values());
		model.addAttribute("encryptions", Iep.EncryptInTransit.values());
		model.addAttribute("actions", Iep.PermittedActions.values());
		model.addAttribute("permissions", Iep.Permission.values());
		model.addAttribute("attributions", Iep.Attribution.values());
		return "sharing/agreements";
	}
}
