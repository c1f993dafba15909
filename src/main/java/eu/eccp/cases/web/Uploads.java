package eu.eccp.cases.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

import eu.eccp.shared.Upload;

/** Multipart files as uploads the cases module streams (empty file inputs of a form are skipped). */
final class Uploads {

	private Uploads() {
	}

	static List<Upload> of(MultipartFile @Nullable [] files) {
		return files == null ? List.of()
				: Arrays.stream(files).filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())))
					.map(Upload::of)
					.toList();
	}
}
