package eu.eccp.shared;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;


/**
 * The one conversion from multipart parts to {@link Upload}s. An empty file input of a form (no file chosen:
 * no name and no bytes) is not a file and is skipped; a chosen file that is empty is kept, so the module can
 * refuse it with a reason.
 */
public final class Uploads {

	private Uploads() {
	}

	public static List<Upload> of(MultipartFile @Nullable [] files) {
		return files == null ? List.of() : of(Arrays.stream(files));
	}

	public static List<Upload> of(@Nullable List<MultipartFile> files) {
		return files == null ? List.of() : of(files.stream());
	}

	/** One file input; {@code null} when nothing was chosen. */
	public static @Nullable Upload one(@Nullable MultipartFile file) {
		return file == null || nothingChosen(file) ? null : Upload.of(file);
	}

	private static List<Upload> of(Stream<MultipartFile> files) {
		return files.filter(f -> f != null && !nothingChosen(f)).map(Upload::of).toList();
	}

	private static boolean nothingChosen(MultipartFile file) {
		return file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty());
	}
}
