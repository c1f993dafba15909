package eu.eccp.contactpoints.web;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import eu.eccp.contactpoints.internal.RequestThread;
import eu.eccp.shared.Downloads;

/** A request message's attachment, as the API and the pages serve it. */
final class RequestDownloads {

	private RequestDownloads() {
	}

	static ResponseEntity<InputStreamResource> attachment(RequestThread.AttachmentDownload download) {
		return Downloads.attachment(download.attachment().fileName(), MediaType.APPLICATION_OCTET_STREAM,
				download.attachment().sizeBytes())
			.body(new InputStreamResource(download.content()));
	}
}
