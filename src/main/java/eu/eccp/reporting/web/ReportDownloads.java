package eu.eccp.reporting.web;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import eu.eccp.reporting.internal.ReportInbox;
import eu.eccp.shared.Downloads;

/** A report's attachment, as the API and the pages serve it. */
final class ReportDownloads {

	private ReportDownloads() {
	}

	static ResponseEntity<InputStreamResource> attachment(ReportInbox.AttachmentDownload download) {
		return Downloads.attachment(download.attachment().fileName(), MediaType.APPLICATION_OCTET_STREAM,
				download.attachment().sizeBytes())
			.body(new InputStreamResource(download.content()));
	}
}
