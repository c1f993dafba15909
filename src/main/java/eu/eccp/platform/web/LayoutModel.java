package eu.eccp.platform.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import eu.eccp.notifications.UnreadNotices;
import eu.eccp.organisations.AccountAuthentication;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.RecordNotFoundException;

/**
 * What every page's layout needs: the signed-in caller (for the navigation per role), their unread
 * notices and the current language. Missing records in the UI show the friendly not-found page.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	private final UnreadNotices notices;
	private final AccountAuthentication accounts;

	LayoutModel(UnreadNotices notices, AccountAuthentication accounts) {
		this.notices = notices;
		this.accounts = accounts;
	}

	/**
	 * Whether the session passed the password but still owes a second-factor code or an enrolment: the
	 * navigation is hidden then, since nothing but that step is allowed.
	 */
	@ModelAttribute("secondFactorPending")
	boolean secondFactorPending() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		return switch (accounts.secondFactor(authentication.getPrincipal())) {
			case NOT_USED -> false;
			case ENROLMENT -> true;
			case CODE -> authentication.getAuthorities()
				.stream()
				.noneMatch(a -> AccountAuthentication.SECOND_FACTOR_AUTHORITY.equals(a.getAuthority()));
		};
	}

	@ModelAttribute("me")
	@Nullable
	CallerContext me() {
		return CallerContext.current().orElse(null);
	}

	/** The caller's unread notices, for the badge next to "Notifications" in the navigation. */
	@ModelAttribute("unreadNotices")
	@Nullable
	Long unreadNotices() {
		return CallerContext.current().map(notices::count).orElse(null);
	}

	@ModelAttribute("language")
	String language(Locale locale) {
		return locale.getLanguage();
	}

	@ExceptionHandler(RecordNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", 404);
		model.addAttribute("messageKey", "error.notFound");
		model.addAttribute("me", me());
		return "error";
	}
}
