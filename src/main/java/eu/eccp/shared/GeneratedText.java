package eu.eccp.shared;

import java.util.Locale;
import java.util.function.Function;

/**
 * A text the platform wrote itself and stored in one language — a demo organisation's name, a demo directory
 * entry's description — that people should read in their own: the message key it was written from and its
 * arguments in a language (a country's name differs per language). {@link GeneratedTexts} recognises the stored
 * text and shows it in the reader's language; a text a person has since edited is no longer recognised and is
 * shown as written.
 */
public record GeneratedText(String key, Function<Locale, Object[]> arguments) {

	/** A text without arguments. */
	public static GeneratedText of(String key) {
		return new GeneratedText(key, language -> new Object[0]);
	}

	/** A text naming a country (ISO 3166-1 alpha-2) in the language it is written in. */
	public static GeneratedText naming(String key, String country) {
		return new GeneratedText(key, language -> new Object[] { countryName(country, language) });
	}

	/** The name of a country in a language, as the platform writes it in generated texts. */
	public static String countryName(String country, Locale language) {
		return new Locale("", country).getDisplayCountry(language);
	}

	/** Where a module lists the texts it generates (its demo data, as a rule). */
	public interface Source {

		Iterable<GeneratedText> generatedTexts();
	}
}
