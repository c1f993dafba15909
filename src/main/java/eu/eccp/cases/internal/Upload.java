package eu.eccp.cases.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;

/** A file as it arrives (a multipart part, for example): read once, as a stream. */
public record Upload(String fileName, @Nullable String contentType, InputStreamSource content) {
}
