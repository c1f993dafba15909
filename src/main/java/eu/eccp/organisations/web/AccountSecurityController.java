package eu.eccp.organisations.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.organisations.AccountAuthentication;
import eu.eccp.organisations.internal.SecondFactors;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A person's own account security ({@code /account/security}): set up a second factor (the secret shown
 * once, switched on by a first code), or switch it off with a current code and the password. Both change the
 * account's security version, which ends the person's other web sessions; this one carries on with the
 * account as it now is. People who must use a second factor and have none land here after their password.
 */
@Controller
@RequestMapping("/account/security")
class AccountSecurityController {

	private final SecondFactors secondFactors;
	private final AccountAuthentication accounts;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	AccountSecurityController(SecondFactors secondFactors, AccountAuthentication accounts) {
		this.secondFactors = secondFactors;
		this.accounts = accounts;
	}

	@GetMapping
	String page(Model model) {
		return page(model, Map.of(), null);
	}

	@PostMapping("/enrol")
	String enrol(Model model) {
		return page(model, Map.of(), secondFactors.startEnrolment(CallerContext.require()));
	}

	@PostMapping("/confirm")
	String confirm(@RequestParam(required = false) @Nullable String code, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		CallerContext caller = CallerContext.require();
		try {
			secondFactors.confirmEnrolment(caller, code);
		}
		catch (InvalidRequestException e) {
			return page(model, e.fieldErrors(), secondFactors.pendingEnrolment(caller).orElse(null));
		}
		refreshSession(request, response);
		redirect.addFlashAttribute("notice", "secondFactor.enabled");
		return "redirect:/account/security";
	}

	@PostMapping("/disable")
	String disable(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String password, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			secondFactors.disable(CallerContext.require(), code, password, request.getRemoteAddr());
		}
		catch (InvalidRequestException e) {
			return page(model, e.fieldErrors(), null);
		}
		refreshSession(request, response);
		redirect.addFlashAttribute("notice", "secondFactor.disabled");
		return "redirect:/account/security";
	}

	private String page(Model model, Map<String, String> errors, SecondFactors.@Nullable Enrolment enrolment) {
		CallerContext caller = CallerContext.require();
		model.addAttribute("secondFactorOn", secondFactors.isEnabled(caller));
		model.addAttribute("secondFactorRequired", secondFactors.requiredFor(caller));
		model.addAttribute("enrolment", enrolment);
		model.addAttribute("errors", errors);
		return "account/security";
	}

	/**
	 * The session goes on with the account as it now is (the change bumped its security version, which ends
	 * every other session); it has just proven the second factor with a code.
	 */
	private void refreshSession(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(accounts.withSecondFactor(current));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		contexts.saveContext(context, request, response);
	}
}
