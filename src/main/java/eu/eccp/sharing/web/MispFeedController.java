package eu.eccp.sharing.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Downloads;
import eu.eccp.sharing.internal.CsvExport;
import eu.eccp.sharing.internal.MispFeed;
import eu.eccp.sharing.internal.TaxiiException;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MISP feed of an agreement's collection at {@code /feeds/misp/{collection}/}: add it in MISP as a feed of format
 * "MISP" with that URL and the organisation's token as {@code Authorization: Bearer ...} header.
 */
@Controller
class MispFeedController {

	private final MispFeed feed;
	private final CsvExport csv;
	private final JsonMapper json;

	MispFeedController(MispFeed feed, CsvExport csv, JsonMapper json) {
		this.feed = feed;
		this.csv = csv;
		this.json = json;
	}

	/** The collection as CSV, for partners without TAXII or MISP. */
	@GetMapping("/feeds/csv/{collection}.csv")
	void csv(@PathVariable String collection, HttpServletResponse response) throws java.io.IOException {
		UUID id = id(collection);
		Downloads.attachment(response, "eccp-" + id + ".csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		csv.write(CallerContext.require(), id, out);
		out.flush();
	}

	@GetMapping("/feeds/misp/{collection}/manifest.json")
	ResponseEntity<byte[]> manifest(@PathVariable String collection) {
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/json")
			.body(json.writeValueAsBytes(feed.manifest(CallerContext.require(), id(collection))));
	}

	@GetMapping("/feeds/misp/{collection}/hashes.csv")
	void hashes(@PathVariable String collection, HttpServletResponse response) throws java.io.IOException {
		UUID id = id(collection);
		response.setContentType("text/csv;charset=UTF-8");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		feed.hashes(CallerContext.require(), id, out);
		out.flush();
	}

	@GetMapping("/feeds/misp/{collection}/{event}.json")
	ResponseEntity<byte[]> event(@PathVariable String collection, @PathVariable String event) {
		UUID eventId;
		try {
			eventId = UUID.fromString(event);
		}
		catch (IllegalArgumentException e) {
			throw new TaxiiException(404, "Event not found");
		}
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/json")
			.body(json.writeValueAsBytes(feed.event(CallerContext.require(), id(collection), eventId)));
	}

	private static UUID id(String collection) {
		try {
			return UUID.fromString(collection);
		}
		catch (IllegalArgumentException e) {
			throw new TaxiiException(404, "Collection not found");
		}
	}
}
