package eu.eccp.indicators.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** What an uploaded file is: a saved e-mail, an HTML page or text, by its name or else its first bytes. */
@eu.eccp.shared.Labelled(shown = false)
enum FileKind {

	EML, HTML, TEXT;

	private static final Pattern HEADER = Pattern.compile("^[A-Za-z][A-Za-z0-9-]*:[ \\t]", Pattern.MULTILINE);

	static FileKind of(byte[] content, @Nullable String fileName) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
		if (name.endsWith(".eml")) {
			// a saved e-mail starts with a header line; anything else named .eml is read as text
			return HEADER.matcher(head).lookingAt() ? EML : TEXT;
		}
		if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
			return HTML;
		}
		String start = head.stripLeading().toLowerCase(Locale.ROOT);
		if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<?xml") && start.contains("<html")) {
			return HTML;
		}
		if (looksLikeMessage(head)) {
			return EML;
		}
		return TEXT;
	}

	/** Header lines from the first line on, a blank line after them, and From plus another mail header. */
	private static boolean looksLikeMessage(String head) {
		int blank = head.indexOf("\n\n");
		int crlfBlank = head.indexOf("\r\n\r\n");
		int end = blank < 0 ? crlfBlank : crlfBlank < 0 ? blank : Math.min(blank, crlfBlank);
		if (end < 0 || !HEADER.matcher(head).lookingAt()) {
			return false;
		}
		String headers = "\n" + head.substring(0, end).toLowerCase(Locale.ROOT).replace("\r\n", "\n");
		for (String line : headers.substring(1).split("\n")) {
			if (!line.isEmpty() && !(line.charAt(0) == ' ' || line.charAt(0) == '\t') && !HEADER.matcher(line).lookingAt()) {
				return false;
			}
		}
		return headers.contains("\nfrom:") && (headers.contains("\nreceived:") || headers.contains("\nmessage-id:")
				|| headers.contains("\nsubject:") || headers.contains("\nmime-version:") || headers.contains("\ndate:"));
	}
}
