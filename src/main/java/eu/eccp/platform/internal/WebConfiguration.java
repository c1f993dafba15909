package eu.eccp.platform.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import eu.eccp.shared.ShippedLanguages;
import eu.eccp.platform.web.LayoutModel;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import eu.eccp.organisations.People;
import eu.eccp.shared.CallerContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The UI's language: taken from the browser's Accept-Language at first, switched with {@code ?lang=fr}
 * and remembered in a cookie; for a signed-in person also on their account (once per session and change),
 * so that e-mails reach them in the language they use.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private static final String REMEMBERED = WebConfiguration.class.getName() + ".language";

	private final People people;
	private final LayoutModel layout;

	WebConfiguration(People people, LayoutModel layout) {
		this.people = people;
		this.layout = layout;
	}

	static final List<Locale> SUPPORTED = ShippedLanguages.LOCALES;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("ECCP_LANG");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(request -> {
			Locale best = request.getLocale();
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(best.getLanguage())) {
					return supported;
				}
			}
			return Locale.ENGLISH;
		});
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			protected Locale parseLocaleValue(String localeValue) {
				Locale requested = super.parseLocaleValue(localeValue);
				return SUPPORTED.stream()
					.filter(l -> requested != null && l.getLanguage().equals(requested.getLanguage()))
					.findFirst()
					.orElse(Locale.ENGLISH);
			}
		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(layout);
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					@Nullable ModelAndView modelAndView) {
				HttpSession session = request.getSession(false);
				if (session == null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
					return;
				}
				CallerContext.current().ifPresent(caller -> {
					String language = LocaleContextHolder.getLocale().getLanguage();
					if (!language.equals(session.getAttribute(REMEMBERED))) {
						people.rememberLanguage(caller.userId(), language);
						session.setAttribute(REMEMBERED, language);
					}
				});
			}
		});
	}
}
