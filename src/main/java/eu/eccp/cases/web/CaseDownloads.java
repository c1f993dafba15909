package eu.eccp.cases.web;

import java.io.IOException;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import eu.eccp.cases.internal.CaseExports;
import eu.eccp.cases.internal.EvidenceLocker;
import eu.eccp.shared.Downloads;
import jakarta.servlet.http.HttpServletResponse;

/** The case files both the API and the pages serve: a piece of evidence, the case's ZIP export. */
final class CaseDownloads {

	private CaseDownloads() {
	}

	static ResponseEntity<InputStreamResource> evidence(EvidenceLocker.Download download) {
		return Downloads.attachment(download.evidence().fileName(), MediaType.parseMediaType(download.evidence().servedContentType()),
				download.evidence().size())
			.header("X-ECCP-SHA256", download.evidence().sha256())
			.body(new InputStreamResource(download.content()));
	}

	/** Streams the ZIP straight into the response (no async dispatch, nothing held in memory). */
	static void zip(CaseExports exports, CaseExports.Export export, HttpServletResponse response) throws IOException {
		Downloads.attachment(response, export.fileName(), MediaType.parseMediaType("application/zip"));
		exports.write(export, response.getOutputStream());
		response.flushBuffer();
	}

}
