package eu.eccp.training.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

/**
 * The fonts of certificates: DejaVu Sans (shipped in {@code fonts/}, with its licence), embedded as subsets with
 * Unicode encoding, so that every EU language's names and titles print as written (Łukasz, Dvořák, Παπαδόπουλος);
 * the PDF standard fonts cover Latin-1 only.
 */
final class CertificateFonts {

	private static final BaseFont REGULAR = load("fonts/DejaVuSans.ttf");

	private static final BaseFont BOLD = load("fonts/DejaVuSans-Bold.ttf");

	private static final BaseFont CODE = load("fonts/DejaVuSansMono-Bold.ttf");

	private CertificateFonts() {
	}

	static Font regular(float size) {
		return new Font(REGULAR, size);
	}

	static Font bold(float size) {
		return new Font(BOLD, size);
	}

	/** The verification code: fixed width, so that no character is mistaken for another. */
	static Font code(float size) {
		return new Font(CODE, size);
	}

	private static BaseFont load(String resource) {
		try (InputStream in = CertificateFonts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("font missing from the jar: " + resource);
			}
			return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not read the font " + resource, e);
		}
	}
}
