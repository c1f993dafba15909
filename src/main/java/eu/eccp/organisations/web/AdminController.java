package eu.eccp.organisations.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.organisations.IssuedToken;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.internal.OrganisationDirectory;
import eu.eccp.organisations.internal.SecondFactors;
import eu.eccp.organisations.internal.ServiceTokens;
import eu.eccp.organisations.internal.UserAdministration;
import eu.eccp.organisations.internal.UserRecord;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;

/**
 * The admin pages: organisations, people and their roles, service tokens. Organisation admins see and
 * manage their own organisation; the platform operator's admins manage all.
 */
@Controller
@RequestMapping("/admin")
class AdminController {

	private final OrganisationDirectory organisations;
	private final UserAdministration users;
	private final ServiceTokens tokens;
	private final SecondFactors secondFactors;

	private final eu.eccp.shared.Labels labels;
	private final eu.eccp.shared.GeneratedTexts texts;

	AdminController(OrganisationDirectory organisations, UserAdministration users, ServiceTokens tokens,
			SecondFactors secondFactors, eu.eccp.shared.Labels labels, eu.eccp.shared.GeneratedTexts texts) {
		this.labels = labels;
		this.texts = texts;
		this.organisations = organisations;
		this.users = users;
		this.tokens = tokens;
		this.secondFactors = secondFactors;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("organisationTypes", OrganisationType.values());
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("tokenRoles", Arrays.stream(Role.values()).filter(r -> r != Role.AUDITOR).toList());
	}

	// --- organisations

	/**
	 * The organisations the caller administers; {@code q} keeps those whose name (as stored or as shown in the
	 * reader's language), short name, country code or country name (in the reader's language) contains it, ignoring case and accents. The list is already
	 * limited to what the caller administers (at most a few hundred), so it is filtered here.
	 */
	@GetMapping("/organisations")
	String organisations(@org.springframework.web.bind.annotation.RequestParam(required = false) @org.jspecify.annotations.Nullable String q,
			Model model) {
		CallerContext me = CallerContext.require();
		String wanted = q == null ? "" : folded(q.strip());
		java.util.Locale reader = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		model.addAttribute("q", q);
		model.addAttribute("organisations", organisations.listForAdministration(me).stream()
			.filter(o -> wanted.isEmpty() || folded(o.name()).contains(wanted) || folded(texts.in(o.name(), reader)).contains(wanted) || folded(o.shortName()).contains(wanted)
					|| folded(o.country().value()).equals(wanted) || folded(labels.country(o.country().value())).contains(wanted))
			.toList());
		model.addAttribute("canRegister", me.actsPlatformWideAs(Role.ADMIN));
		return "admin/organisations";
	}

	private static String folded(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
			.toLowerCase(java.util.Locale.ROOT);
	}

	@GetMapping("/organisations/new")
	String newOrganisation(Model model) {
		model.addAttribute("form", new OrganisationDirectory.OrganisationForm("", "", "NATIONAL_UNIT", ""));
		model.addAttribute("errors", Map.of());
		return "admin/organisation-form";
	}

	@PostMapping("/organisations")
	String register(OrganisationDirectory.OrganisationForm form, Model model, RedirectAttributes redirect) {
		try {
			OrganisationView created = organisations.register(CallerContext.require(), form);
			redirect.addFlashAttribute("notice", "admin.organisation.registered");
			return "redirect:/admin/organisations/" + created.id();
		}
		catch (InvalidRequestException e) {
			model.addAttribute("form", form);
			model.addAttribute("errors", e.fieldErrors());
			return "admin/organisation-form";
		}
	}

	@GetMapping("/organisations/{id}")
	String organisation(@PathVariable UUID id, Model model) {
		CallerContext me = CallerContext.require();
		OrganisationView org = organisations.get(me, new OrganisationId(id));
		model.addAttribute("organisation", org);
		model.addAttribute("form", new OrganisationDirectory.OrganisationForm(org.name(), org.shortName(),
				org.type().name(), org.country().value()));
		model.addAttribute("errors", Map.of());
		model.addAttribute("canEdit", me.actsPlatformWideAs(Role.ADMIN));
		model.addAttribute("users", users.list(me, org.id(), new PageRequest(0, PageRequest.MAX_SIZE)).items());
		return "admin/organisation";
	}

	@PostMapping("/organisations/{id}")
	String update(@PathVariable UUID id, OrganisationDirectory.OrganisationForm form, Model model,
			RedirectAttributes redirect) {
		CallerContext me = CallerContext.require();
		try {
			organisations.update(me, new OrganisationId(id), form);
			redirect.addFlashAttribute("notice", "admin.saved");
			return "redirect:/admin/organisations/" + id;
		}
		catch (InvalidRequestException e) {
			OrganisationView org = organisations.get(me, new OrganisationId(id));
			model.addAttribute("organisation", org);
			model.addAttribute("form", form);
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("canEdit", true);
			model.addAttribute("users", users.list(me, org.id(), new PageRequest(0, PageRequest.MAX_SIZE)).items());
			return "admin/organisation";
		}
	}

	// --- people

	@GetMapping("/users")
	String users(@RequestParam(required = false) @Nullable UUID organisationId,
			@RequestParam(defaultValue = "0") int page, Model model,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
		CallerContext me = CallerContext.require();
		model.addAttribute("users", users.list(me, organisationId == null ? null : new OrganisationId(organisationId),
				new PageRequest(Math.max(page, 0), 50)));
		model.addAttribute("organisations", organisations.listForAdministration(me));
		model.addAttribute("organisationId", organisationId);
		return htmx != null ? "admin/users :: table" : "admin/users";
	}

	@GetMapping("/users/new")
	String newUser(@RequestParam(required = false) @Nullable UUID organisationId, Model model) {
		CallerContext me = CallerContext.require();
		model.addAttribute("form", new UserAdministration.NewUser("", "", "",
				String.valueOf(organisationId == null ? me.organisationId() : organisationId), List.of(), ""));
		model.addAttribute("organisations", organisations.listForAdministration(me));
		model.addAttribute("errors", Map.of());
		return "admin/user-form";
	}

	@PostMapping("/users")
	String createUser(UserAdministration.NewUser form, Model model, RedirectAttributes redirect) {
		CallerContext me = CallerContext.require();
		try {
			UserRecord created = users.create(me, form);
			redirect.addFlashAttribute("notice", "admin.user.created");
			return "redirect:/admin/users/" + created.id();
		}
		catch (InvalidRequestException e) {
			model.addAttribute("form", new UserAdministration.NewUser(form.username(), form.displayName(), form.email(),
					form.organisationId(), form.roles() == null ? List.of() : form.roles(), ""));
			model.addAttribute("organisations", organisations.listForAdministration(me));
			model.addAttribute("errors", e.fieldErrors());
			return "admin/user-form";
		}
	}

	@GetMapping("/users/{id}")
	String user(@PathVariable UUID id, Model model) {
		model.addAttribute("user", users.get(CallerContext.require(), new UserId(id)));
		model.addAttribute("errors", Map.of());
		return "admin/user";
	}

	@PostMapping("/users/{id}/roles")
	String changeRoles(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<String> roles, Model model,
			RedirectAttributes redirect) {
		return change(id, model, redirect, () -> users.changeRoles(CallerContext.require(), new UserId(id), roles));
	}

	@PostMapping("/users/{id}/enabled")
	String setEnabled(@PathVariable UUID id, @RequestParam boolean enabled, Model model, RedirectAttributes redirect) {
		return change(id, model, redirect, () -> users.setEnabled(CallerContext.require(), new UserId(id), enabled));
	}

	@PostMapping("/users/{id}/password")
	String resetPassword(@PathVariable UUID id, @RequestParam(required = false) @Nullable String password, Model model,
			RedirectAttributes redirect) {
		return change(id, model, redirect,
				() -> users.resetPassword(CallerContext.require(), new UserId(id), password));
	}

	/** The platform operator's admins remove someone's second factor (a lost device); audited. */
	@PostMapping("/users/{id}/second-factor/reset")
	String resetSecondFactor(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		return change(id, model, redirect, () -> secondFactors.reset(CallerContext.require(), new UserId(id)));
	}

	private String change(UUID id, Model model, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", "admin.saved");
			return "redirect:/admin/users/" + id;
		}
		catch (InvalidRequestException e) {
			model.addAttribute("user", users.get(CallerContext.require(), new UserId(id)));
			model.addAttribute("errors", e.fieldErrors());
			return "admin/user";
		}
	}

	// --- service tokens

	@GetMapping("/tokens")
	String tokens(Model model) {
		CallerContext me = CallerContext.require();
		model.addAttribute("tokens", tokens.list(me));
		model.addAttribute("organisations", organisations.listForAdministration(me));
		model.addAttribute("form", new ServiceTokens.NewServiceToken("", me.organisationId().toString(),
				List.of(Role.PARTNER.name()), ""));
		model.addAttribute("errors", Map.of());
		return "admin/tokens";
	}

	@PostMapping("/tokens")
	String issueToken(ServiceTokens.NewServiceToken form, Model model) {
		CallerContext me = CallerContext.require();
		try {
			IssuedToken issued = tokens.issue(me, form);
			model.addAttribute("issued", issued);
			model.addAttribute("form", new ServiceTokens.NewServiceToken("", me.organisationId().toString(),
					List.of(Role.PARTNER.name()), ""));
			model.addAttribute("errors", Map.of());
		}
		catch (InvalidRequestException e) {
			model.addAttribute("form", form);
			model.addAttribute("errors", e.fieldErrors());
		}
		model.addAttribute("tokens", tokens.list(me));
		model.addAttribute("organisations", organisations.listForAdministration(me));
		return "admin/tokens";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(CallerContext.require(), id);
		redirect.addFlashAttribute("notice", "admin.token.revoked");
		return "redirect:/admin/tokens";
	}
}
