package eu.eccp.shared;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one way a file is served for download: as an attachment (never rendered inline), its name encoded for
 * every browser (RFC 6266 / RFC 5987), and {@code nosniff} so a browser never guesses a different type. File
 * names come from the module, which has made them safe.
 */
public final class Downloads {

	private Downloads() {
	}

	/** Headers of a download whose size is known; the caller adds its own headers and the body. */
	public static ResponseEntity.BodyBuilder attachment(String fileName, MediaType type, long size) {
		return ResponseEntity.ok()
			.contentType(type)
			.contentLength(size)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
			.header("X-Content-Type-Options", "nosniff");
	}

	/** Headers of a download streamed straight into the response (size unknown in advance). */
	public static void attachment(HttpServletResponse response, String fileName, MediaType type) {
		response.setContentType(type.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName));
		response.setHeader("X-Content-Type-Options", "nosniff");
	}

	static String disposition(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
	}
}
