package eu.eccp.platform.web;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.eccp.organisations.AccountAuthentication;
import eu.eccp.organisations.AccountAuthentication.SecondFactor;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.SafeText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The login page, and the login's second step for accounts with a second factor: after the password, the
 * session holds only the password factor and may do nothing but give the code here ({@code /login/code}).
 * Wrong codes count towards the same throttle as wrong passwords; a right one adds the second factor to the
 * session (under a new session id) and goes on to the page first asked for.
 */
@Controller
class LoginController {

	private final boolean demoMode;
	private final AccountAuthentication accounts;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
	private final RequestCache requests = new HttpSessionRequestCache();

	LoginController(@Value("${eccp.demo:false}") boolean demoMode, AccountAuthentication accounts) {
		this.demoMode = demoMode;
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login(Model model) {
		if (CallerContext.current().isPresent()) {
			return "redirect:/";
		}
		model.addAttribute("demoMode", demoMode);
		return "login";
	}

	@GetMapping("/login/code")
	String codeForm() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!needsCode(authentication)) {
			return "redirect:/";
		}
		return "login-code";
	}

	@PostMapping("/login/code")
	String code(@RequestParam(required = false) @Nullable String code, HttpServletRequest request,
			HttpServletResponse response) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!needsCode(authentication)) {
			return "redirect:/";
		}
		String username = authentication.getName();
		String client = request.getRemoteAddr();
		Optional<Duration> wait = accounts.loginWait(username, client);
		if (wait.isPresent()) {
			return "redirect:/login/code?throttled";
		}
		if (code == null || !SafeText.isAcceptable(code) || code.length() > 20
				|| !accounts.checkSecondFactor(authentication.getPrincipal(), code)) {
			accounts.loginFailed(username, client);
			return "redirect:/login/code?error";
		}
		accounts.loginSucceeded(username);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(accounts.withSecondFactor(authentication));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		contexts.saveContext(context, request, response);
		SavedRequest saved = requests.getRequest(request, response);
		requests.removeRequest(request, response);
		return "redirect:" + (saved != null && isLocal(saved.getRedirectUrl(), request) ? saved.getRedirectUrl() : "/");
	}

	/** Whether the session passed the password but still owes its account's second-factor code. */
	private boolean needsCode(@Nullable Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& accounts.secondFactor(authentication.getPrincipal()) == SecondFactor.CODE
				&& authentication.getAuthorities()
					.stream()
					.noneMatch(a -> AccountAuthentication.SECOND_FACTOR_AUTHORITY.equals(a.getAuthority()));
	}

	/** Saved requests are this platform's own pages; anything else goes home. */
	private static boolean isLocal(String url, HttpServletRequest request) {
		String origin = request.getScheme() + "://" + request.getServerName();
		return url.startsWith(origin + ":") || url.startsWith(origin + "/") || url.equals(origin);
	}
}
