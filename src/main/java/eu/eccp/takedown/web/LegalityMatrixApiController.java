package eu.eccp.takedown.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.shared.CallerContext;
import eu.eccp.takedown.internal.LegalityMatrix;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The legality matrix: content category × country. Rows marked {@code demo} are demo data, not legal advice. */
@RestController
@RequestMapping("/api/v1/legality-matrix")
@Tag(name = "Illegal content")
class LegalityMatrixApiController {

	private final LegalityMatrix matrix;

	LegalityMatrixApiController(LegalityMatrix matrix) {
		this.matrix = matrix;
	}

	@GetMapping
	@Operation(summary = "Every category × country rule: verdict, legal basis, note, last reviewed by and when")
	List<TakedownJson.LegalityDto> all() {
		return matrix.all(CallerContext.require()).stream().map(TakedownJson.LegalityDto::of).toList();
	}

	@PutMapping("/{category}/{country}")
	@Operation(summary = "Set one rule (coordinators)")
	TakedownJson.LegalityDto update(@PathVariable String category, @PathVariable String country,
			@RequestBody LegalityMatrix.RuleDraft draft) {
		return TakedownJson.LegalityDto.of(matrix.update(CallerContext.require(), category, country, draft));
	}
}
