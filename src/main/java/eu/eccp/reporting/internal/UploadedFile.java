package eu.eccp.reporting.internal;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** A file a reporter attached, read once as a stream. */
public interface UploadedFile {

	String fileName();

	long size();

	InputStream open() throws IOException;

	static @Nullable UploadedFile of(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		return new UploadedFile() {
			@Override
			public String fileName() {
				return file.getOriginalFilename() == null ? "attachment" : file.getOriginalFilename();
			}

			@Override
			public long size() {
				return file.getSize();
			}

			@Override
			public InputStream open() throws IOException {
				return file.getInputStream();
			}
		};
	}
}
