package eu.eccp.training.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.shared.CallerContext;
import eu.eccp.training.internal.Coverage;
import eu.eccp.training.internal.NeedDraft;
import eu.eccp.training.internal.TrainingNeed;
import eu.eccp.training.internal.TrainingNeeds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** National training needs and their coverage by the catalogue. */
@RestController
@RequestMapping("/api/v1/training")
@Tag(name = "Training")
class NeedsApiController {

	private final TrainingNeeds needs;

	NeedsApiController(TrainingNeeds needs) {
		this.needs = needs;
	}

	record NeedDto(UUID id, String country, int year, String role, String level, int officials, String priority) {

		static NeedDto of(TrainingNeed n) {
			return new NeedDto(n.id(), n.country().value(), n.year(), n.role().name(), n.level().name(), n.officials(),
					n.priority().name());
		}
	}

	record CoverageDto(int year, List<RowDto> rows, List<CountryDto> countries) {

		static CoverageDto of(Coverage c) {
			return new CoverageDto(c.year(),
					c.rows().stream().map(r -> new RowDto(r.role().name(), r.level().name(), r.needed(), r.seats(), r.gap())).toList(),
					c.countries().stream().map(r -> new CountryDto(r.role().name(), r.level().name(), r.country().value(),
							r.needed(), r.openToCountry(), r.taken(), r.gap())).toList());
		}
	}

	record RowDto(String role, String level, long needed, long seats, long gap) {
	}

	record CountryDto(String role, String level, String country, long needed, long openToCountry, long taken, long gap) {
	}

	@GetMapping("/needs")
	@Operation(summary = "The caller's organisation's training needs in a year (default: this year)")
	List<NeedDto> ours(@RequestParam(required = false) @Nullable Integer year) {
		return needs.ours(CallerContext.require(), year == null ? needs.currentYear() : year).stream().map(NeedDto::of).toList();
	}

	@PostMapping("/needs")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a need (a national unit's training coordinator); the same year, role and level replaces it")
	NeedDto record(@RequestBody NeedDraft draft) {
		return NeedDto.of(needs.record(CallerContext.require(), draft));
	}

	@DeleteMapping("/needs/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a need of the caller's organisation")
	void delete(@PathVariable UUID id) {
		needs.delete(CallerContext.require(), id);
	}

	@GetMapping("/coverage")
	@Operation(summary = "Needs against seats offered by role and level and by country, with gaps (coordinators)")
	CoverageDto coverage(@RequestParam(required = false) @Nullable Integer year) {
		return CoverageDto.of(needs.coverage(CallerContext.require(), year == null ? needs.currentYear() : year));
	}
}
