package eu.eccp.shared;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file as it arrives (a multipart part, say), read once as a stream; {@link HashedFiles} writes it to disk.
 *
 * @param fileName the name the sender gave, as given (modules make it safe before showing or serving it)
 * @param contentType the type the sender claimed, if any (never trusted as it is)
 */
public record Upload(String fileName, @Nullable String contentType, InputStreamSource content) {

	public static Upload of(MultipartFile file) {
		return new Upload(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getContentType(), file);
	}

	public InputStream open() throws IOException {
		return content.getInputStream();
	}
}
