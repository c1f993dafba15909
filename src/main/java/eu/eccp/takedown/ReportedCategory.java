package eu.eccp.takedown;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** What a reporter says the content is; an analyst's assessment decides ({@code ContentCategory}). */
public enum ReportedCategory {
	/** Child sexual abuse material: only ever a web address or hashes, never a file. */
	CSAM,
	/** Terrorist content (Regulation (EU) 2021/784, Art. 2(7)). */
	TERRORIST_CONTENT,
	/** Public incitement to racist or xenophobic violence or hatred (Framework Decision 2008/913/JHA). */
	RACIST_XENOPHOBIC_HATE,
	/** Other illegal content (e.g. glorification of violence where national law forbids it). */
	OTHER_ILLEGAL_CONTENT;

	public static @Nullable ReportedCategory parse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
