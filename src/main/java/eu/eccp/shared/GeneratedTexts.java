package eu.eccp.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Stored texts the platform generated, shown in the reader's language: every page that shows an organisation's
 * name, a directory entry's description or its backup contact passes it through here, as
 * {@code ${@texts.of(o.name)}}. A stored text equal to one the modules generate ({@link GeneratedText.Source}) in
 * any shipped language is shown as that text in the reader's language; any other text — a real organisation's
 * name, an entry an administrator has edited — is shown as stored. Nothing stored is renamed: other modules and
 * the API keep reading the stored text.
 */
@Component("texts")
public class GeneratedTexts {

	/** The languages the platform ships (the message bundles). */
	public static final List<Locale> SHIPPED = ShippedLanguages.LOCALES;

	private final MessageSource messages;

	private final ObjectProvider<GeneratedText.Source> sources;

	private volatile @Nullable Map<String, GeneratedText> byStoredText;

	public GeneratedTexts(MessageSource messages, ObjectProvider<GeneratedText.Source> sources) {
		this.messages = messages;
		this.sources = sources;
	}

	/** The text in the reader's language when the platform generated it; otherwise as stored. */
	public @Nullable String of(@Nullable String stored) {
		return stored == null ? null : in(stored, LocaleContextHolder.getLocale());
	}

	/** The text in a given language (an e-mail's recipient's) when the platform generated it; otherwise as stored. */
	public String in(String stored, Locale language) {
		GeneratedText text = known().get(stored);
		if (text == null) {
			return stored;
		}
		try {
			return write(text, language);
		}
		catch (NoSuchMessageException e) {
			return stored;
		}
	}

	/** The text written in a language from its key (what the demo data stores and what readers see). */
	public String write(GeneratedText text, Locale language) {
		return messages.getMessage(text.key(), text.arguments().apply(language), language);
	}

	private Map<String, GeneratedText> known() {
		Map<String, GeneratedText> known = byStoredText;
		if (known == null) {
			Map<String, GeneratedText> built = new HashMap<>();
			sources.orderedStream().forEach(source -> source.generatedTexts().forEach(text -> {
				for (Locale language : SHIPPED) {
					try {
						built.putIfAbsent(write(text, language), text);
					}
					catch (NoSuchMessageException e) {
						// a language without the key: that language's stored text is not recognised
					}
				}
			}));
			byStoredText = known = Map.copyOf(built);
		}
		return known;
	}
}
