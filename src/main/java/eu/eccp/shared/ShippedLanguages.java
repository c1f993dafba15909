package eu.eccp.shared;

import java.util.List;
import java.util.Locale;

/** The languages the platform's texts ship in (the messages bundles), English first: the fallback. */
public final class ShippedLanguages {

	public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN);

	/** Their ISO 639-1 codes ({@code en}, {@code fr}, {@code de}). */
	public static final List<String> CODES = LOCALES.stream().map(Locale::getLanguage).toList();

	private ShippedLanguages() {
	}
}
