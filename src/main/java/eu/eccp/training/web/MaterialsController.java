package eu.eccp.training.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Downloads;
import eu.eccp.shared.Uploads;
import eu.eccp.training.CourseId;
import eu.eccp.training.internal.Materials;
import jakarta.servlet.http.HttpServletResponse;

/** Course materials: the organiser's upload, downloads by access level, public materials without an account. */
@Controller
class MaterialsController {

	private final Materials materials;

	MaterialsController(Materials materials) {
		this.materials = materials;
	}

	@PostMapping("/training/courses/{id}/materials")
	String upload(@PathVariable UUID id, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String access,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		return CoursesController.act(id, redirect, "training.notice.materialAdded",
				() -> materials.upload(CallerContext.require(), new CourseId(id), title, access, Uploads.one(file)));
	}

	@GetMapping("/training/materials/{id}")
	void download(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		send(materials.download(CallerContext.require(), id), response);
	}

	@GetMapping("/training/public/materials/{id}")
	void downloadPublic(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		send(materials.downloadPublic(id), response);
	}

	static void send(Materials.Download download, HttpServletResponse response) throws IOException {
		Downloads.attachment(response, download.material().fileName(), MediaType.parseMediaType(download.material().contentType()));
		response.setContentLengthLong(download.material().size());
		try (InputStream in = download.open()) {
			in.transferTo(response.getOutputStream());
		}
	}
}
