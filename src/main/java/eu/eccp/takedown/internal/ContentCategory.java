package eu.eccp.takedown.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import eu.eccp.takedown.ReportedCategory;

/** What a hotline analyst finds an item to be. */
public enum ContentCategory {
	/** Child sexual abuse material that is illegal in virtually every country (INHOPE "baseline"). */
	CSAM_BASELINE(true),
	/** Child sexual abuse material illegal under the assessing country's law, not under the baseline. */
	CSAM_NATIONAL(true),
	/** Terrorist content as defined by Regulation (EU) 2021/784, Art. 2(7). */
	TERRORIST_CONTENT(true),
	/** Racist or xenophobic incitement as defined by Framework Decision 2008/913/JHA. */
	RACIST_XENOPHOBIC_INCITEMENT(true),
	OTHER_ILLEGAL(true),
	NOT_ILLEGAL(false),
	/** The content could not be assessed: gone, behind a login wall, unreachable. */
	NOT_ASSESSABLE(false);

	private final boolean illegal;

	ContentCategory(boolean illegal) {
		this.illegal = illegal;
	}

	/** Whether this category calls for removal (notices, forwarding, known hashes). */
	public boolean illegal() {
		return illegal;
	}

	public boolean csam() {
		return this == CSAM_BASELINE || this == CSAM_NATIONAL;
	}

	/** The categories the legality matrix has rows for. */
	public static ContentCategory[] matrixCategories() {
		return new ContentCategory[] { CSAM_BASELINE, CSAM_NATIONAL, TERRORIST_CONTENT, RACIST_XENOPHOBIC_INCITEMENT,
				OTHER_ILLEGAL };
	}

	/** The category a reported one is most likely to be (pre-selected on the assessment form). */
	public static ContentCategory likely(ReportedCategory reported) {
		return switch (reported) {
			case CSAM -> CSAM_BASELINE;
			case TERRORIST_CONTENT -> TERRORIST_CONTENT;
			case RACIST_XENOPHOBIC_HATE -> RACIST_XENOPHOBIC_INCITEMENT;
			case OTHER_ILLEGAL_CONTENT -> OTHER_ILLEGAL;
		};
	}

	public static @Nullable ContentCategory parse(@Nullable String text) {
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
