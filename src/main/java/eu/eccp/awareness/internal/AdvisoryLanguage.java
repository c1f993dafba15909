package eu.eccp.awareness.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.Labelled;

/** The languages an advisory is written in (pages show each language's own name through the language code). */
@Labelled(shown = false)
public enum AdvisoryLanguage {
	EN, FR, DE;

	/** The ISO 639-1 code, e.g. {@code fr}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public Locale locale() {
		return Locale.forLanguageTag(code());
	}

	public static @Nullable AdvisoryLanguage parse(@Nullable String code) {
		if (code == null) {
			return null;
		}
		String c = code.strip().toLowerCase(Locale.ROOT);
		int dash = c.indexOf('-');
		if (dash > 0) {
			c = c.substring(0, dash);
		}
		for (AdvisoryLanguage language : values()) {
			if (language.code().equals(c)) {
				return language;
			}
		}
		return null;
	}

	/** The language of a reader's locale, English when the platform has none of theirs. */
	public static AdvisoryLanguage of(@Nullable Locale locale) {
		AdvisoryLanguage language = locale == null ? null : parse(locale.getLanguage());
		return language == null ? EN : language;
	}
}
