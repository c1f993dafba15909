package eu.eccp.contactpoints.internal;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/** A file sent with a message, read once as a stream. */
public interface Upload {

	@Nullable
	String fileName();

	@Nullable
	String contentType();

	InputStream open() throws IOException;
}
