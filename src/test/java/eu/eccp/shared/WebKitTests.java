package eu.eccp.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;


/** The shared web kit: one way from multipart parts to uploads, one way to serve a file. */
class WebKitTests {

	@Test
	void aFileInputWithNothingChosenIsNoUploadButAChosenEmptyFileIs() throws IOException {
		MultipartFile nothing = new MockMultipartFile("files", "", null, new byte[0]);
		MultipartFile empty = new MockMultipartFile("files", "empty.txt", "text/plain", new byte[0]);
		MultipartFile log = new MockMultipartFile("files", "access.log", "text/plain", "GET /".getBytes(StandardCharsets.UTF_8));

		assertThat(Uploads.of(new MultipartFile[] { nothing, empty, log })).extracting(Upload::fileName)
			.containsExactly("empty.txt", "access.log");
		assertThat(Uploads.one(nothing)).isNull();
		assertThat(Uploads.one(null)).isNull();
		assertThat(Uploads.of((MultipartFile[]) null)).isEmpty();
		Upload upload = Uploads.one(log);
		assertThat(upload).isNotNull();
		assertThat(upload.size()).isEqualTo(5);
		assertThat(upload.contentType()).isEqualTo("text/plain");
		try (var in = upload.open()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("GET /");
		}
	}

	@Test
	void aDownloadIsAnAttachmentWithItsNameEncodedAndNoTypeSniffing() {
		HttpHeaders headers = Downloads.attachment("Réquisition 42.pdf", MediaType.APPLICATION_PDF, 1234).build().getHeaders();

		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(headers.getContentLength()).isEqualTo(1234);
		assertThat(headers.getContentDisposition().isAttachment()).isTrue();
		assertThat(headers.getContentDisposition().getFilename()).isEqualTo("Réquisition 42.pdf");
		assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("filename*=UTF-8''R%C3%A9quisition%2042.pdf");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

		MockHttpServletResponse streamed = new MockHttpServletResponse();
		Downloads.attachment(streamed, "C-2026-000001.zip", MediaType.parseMediaType("application/zip"));
		assertThat(streamed.getContentType()).isEqualTo("application/zip");
		assertThat(streamed.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;").contains("C-2026-000001.zip");
		assertThat(streamed.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}
}
