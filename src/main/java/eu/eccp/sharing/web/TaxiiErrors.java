package eu.eccp.sharing.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import eu.eccp.sharing.internal.TaxiiException;
import jakarta.servlet.http.HttpServletResponse;

/** TAXII 2.1 error messages ({@code title}, {@code description}, {@code http_status}) in the TAXII media type. */
@ControllerAdvice(assignableTypes = { TaxiiController.class, MispFeedController.class })
class TaxiiErrors {

	static final String TAXII = "application/taxii+json;version=2.1";

	@ExceptionHandler(TaxiiException.class)
	ResponseEntity<byte[]> taxii(TaxiiException e) {
		return ResponseEntity.status(e.status()).header("Content-Type", TAXII)
			.body(body(e.status(), e.getMessage(), null));
	}

	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ResponseEntity<byte[]> denied(Exception e) {
		return ResponseEntity.status(403).header("Content-Type", TAXII).body(body(403, "Forbidden", null));
	}

	static void write(HttpServletResponse response, int status, String title, @Nullable String description)
			throws IOException {
		response.setStatus(status);
		response.setContentType(TAXII);
		response.getOutputStream().write(body(status, title, description));
	}

	static byte[] body(int status, String title, @Nullable String description) {
		StringBuilder json = new StringBuilder("{\"title\":").append(quote(title));
		if (description != null) {
			json.append(",\"description\":").append(quote(description));
		}
		json.append(",\"http_status\":\"").append(status).append("\"}");
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String quote(String s) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		return b.append('"').toString();
	}
}
