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

import eu.eccp.notifications.UnreadNotices;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.RecordNotFoundException;

/**
 * What every page's layout needs: the signed-in caller (for the navigation per role), their unread
 * notices and the current language. Missing records in the UI show the friendly not-found page.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	private final UnreadNotices notices;

	LayoutModel(UnreadNotices notices) {
		this.notices = notices;
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
