package eu.eccp.shared;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file as it arrives (a multipart part, say), read once as a stream; {@link HashedFiles} writes it to disk.
 * Web controllers make these with {@link eu.eccp.shared.Uploads}, the one conversion from multipart parts.
 *
 * @param fileName the name the sender gave, as given (modules make it safe before showing or serving it)
 * @param contentType the type the sender claimed, if any (never trusted as it is)
 * @param size the size the sender announced in bytes, {@code -1} when unknown (limits are enforced while
 *        reading as well)
 */
public record Upload(String fileName, @Nullable String contentType, long size, InputStreamSource content) {

	public static Upload of(MultipartFile file) {
		return new Upload(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getContentType(),
				file.getSize(), file);
	}

	/** A file held in memory (tests, generated files). */
	public static Upload of(String fileName, byte[] content) {
		return new Upload(fileName, null, content.length, new ByteArrayResource(content));
	}

	public InputStream open() throws IOException {
		return content.getInputStream();
	}
}
