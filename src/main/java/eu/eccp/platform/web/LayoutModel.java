package eu.eccp.platform.web;

import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.context.i18n.LocaleContextHolder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import eu.eccp.notifications.UnreadNotices;
import eu.eccp.organisations.AccountAuthentication;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.RecordNotFoundException;

/**
 * What every page's layout needs: the signed-in caller (for the navigation per role), their unread
 * notices and the current language, added when a page is rendered (an interceptor, not {@code @ModelAttribute}
 * methods, so that API calls and redirects, which render no page, neither compute nor query any of it). Missing
 * records in the UI show the friendly not-found page.
 */
@ControllerAdvice(annotations = Controller.class)
public class LayoutModel implements HandlerInterceptor {

	private final UnreadNotices notices;
	private final AccountAuthentication accounts;

	LayoutModel(UnreadNotices notices, AccountAuthentication accounts) {
		this.notices = notices;
		this.accounts = accounts;
	}

	/** Adds the layout's attributes to a page about to be rendered (a handler's own values stay). */
	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page == null || !page.hasView() || page.getView() instanceof RedirectView
				|| (page.getViewName() != null && (page.getViewName().startsWith("redirect:")
						|| page.getViewName().startsWith("forward:")))) {
			return;
		}
		Map<String, Object> model = page.getModel();
		addUnlessSet(model, "secondFactorPending", this::secondFactorPending);
		addUnlessSet(model, "me", this::me);
		addUnlessSet(model, "unreadNotices", this::unreadNotices);
		addUnlessSet(model, "language", () -> LocaleContextHolder.getLocale().getLanguage());
	}

	/** Computed only when the handler did not set it (e.g. the dashboard counts unread notices itself); may be null. */
	private static void addUnlessSet(Map<String, Object> model, String name, Supplier<@Nullable Object> value) {
		if (!model.containsKey(name)) {
			model.put(name, value.get());
		}
	}

	/**
	 * Whether the session passed the password but still owes a second-factor code or an enrolment: the
	 * navigation is hidden then, since nothing but that step is allowed.
	 */
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

	@Nullable
	CallerContext me() {
		return CallerContext.current().orElse(null);
	}

	/** The caller's unread notices, for the badge next to "Notifications" in the navigation. */
	@Nullable
	Long unreadNotices() {
		return CallerContext.current().map(notices::count).orElse(null);
	}

	@ExceptionHandler(RecordNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", 404);
		model.addAttribute("messageKey", "error.notFound");
		model.addAttribute("me", me());
		model.addAttribute("language", LocaleContextHolder.getLocale().getLanguage());
		return "error";
	}
}
