package eu.eccp.indicators.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import eu.eccp.indicators.ExtractionOptions;
import eu.eccp.indicators.IndicatorExtractor;
import eu.eccp.indicators.internal.IndicatorJson;
import eu.eccp.indicators.internal.PhoneNumbers;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/v1/indicators/extract}: the indicators in a text (JSON) or an uploaded file (multipart:
 * text, HTML or a saved e-mail), in the same JSON shape as the command line prints. National phone numbers
 * are read in {@code defaultRegion}, or else in the caller's organisation's country.
 */
@RestController
@Tag(name = "Indicators")
@RequestMapping("/api/v1/indicators")
class IndicatorsApiController {

	/** The longest text accepted in one request, in characters. */
	static final int MAX_TEXT = 10_000_000;

	private final IndicatorExtractor extractor;

	IndicatorsApiController(IndicatorExtractor extractor) {
		this.extractor = extractor;
	}

	/**
	 * @param text plain text to read
	 * @param html an HTML document to read instead (tags stripped, link targets read)
	 * @param defaultRegion ISO 3166 country for national phone numbers
	 */
	record ExtractRequest(@Schema(description = "plain text (or give html)") @Nullable String text,
			@Schema(description = "an HTML document (or give text)") @Nullable String html,
			@Schema(description = "ISO 3166-1 alpha-2 region for national phone numbers; default the caller's country",
					pattern = "^[A-Za-z]{2}$", example = "FR") @Nullable String defaultRegion) {
	}

	@Operation(summary = "Extract indicators from a text or an HTML document")
	@PostMapping(path = "/extract", consumes = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, Object>> extract(@RequestBody ExtractRequest request) {
		ExtractionOptions options = options(request.defaultRegion());
		if (request.html() != null && request.text() == null) {
			checkSize("html", request.html().length());
			return json(extractor.extractFromHtml(request.html(), options));
		}
		if (request.text() == null) {
			throw new InvalidRequestException("text", "validation.required");
		}
		checkSize("text", request.text().length());
		return json(extractor.extract(request.text(), options));
	}

	@Operation(summary = "Extract indicators from an uploaded file: text, HTML or a saved e-mail (.eml)")
	@PostMapping(path = "/extract", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	List<Map<String, Object>> extractFile(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String defaultRegion) throws IOException {
		if (file.isEmpty()) {
			throw new InvalidRequestException("file", "validation.required");
		}
		List<eu.eccp.indicators.Indicator> found = new java.util.ArrayList<>();
		try (java.io.InputStream in = file.getInputStream()) {
			// streamed from the upload (Spring keeps a large one on disk): never read into memory whole
			extractor.extractFromFile(in, file.getOriginalFilename(), options(defaultRegion), found::add);
		}
		return json(found);
	}

	private static ExtractionOptions options(@Nullable String defaultRegion) {
		if (defaultRegion == null || defaultRegion.isBlank()) {
			return ExtractionOptions.forRegion(CallerContext.current().map(c -> c.country().value()).orElse(null));
		}
		if (!CountryCode.isValid(defaultRegion) || !PhoneNumbers.isSupportedRegion(defaultRegion.strip())) {
			throw new InvalidRequestException("defaultRegion", "validation.country");
		}
		return ExtractionOptions.forRegion(CountryCode.of(defaultRegion).value());
	}

	private static void checkSize(String field, int length) {
		if (length > MAX_TEXT) {
			throw new InvalidRequestException(field, "validation.extractionTooLong");
		}
	}

	private static List<Map<String, Object>> json(List<eu.eccp.indicators.Indicator> indicators) {
		return indicators.stream().map(IndicatorJson::toMap).toList();
	}
}
