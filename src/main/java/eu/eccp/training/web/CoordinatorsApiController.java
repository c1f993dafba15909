package eu.eccp.training.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import eu.eccp.organisations.PersonView;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.UserId;
import eu.eccp.training.internal.TrainingCoordinators;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The national training coordinators of the caller's organisation, designated by its administrator. */
@RestController
@Tag(name = "Training")
class CoordinatorsApiController {

	private final TrainingCoordinators coordinators;

	CoordinatorsApiController(TrainingCoordinators coordinators) {
		this.coordinators = coordinators;
	}

	record CoordinatorDto(UUID id, String username, String displayName) {

		static CoordinatorDto of(PersonView p) {
			return new CoordinatorDto(p.id().value(), p.username(), p.displayName());
		}
	}

	@GetMapping("/api/v1/training/coordinators")
	@Operation(summary = "The national training coordinators of the caller's organisation")
	List<CoordinatorDto> list() {
		return coordinators.coordinators(CallerContext.require().organisationId()).stream().map(CoordinatorDto::of).toList();
	}

	@PutMapping("/api/v1/training/coordinators/{person}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Designate a member of the caller's organisation as national training coordinator (its administrator)")
	void designate(@PathVariable UUID person) {
		coordinators.designate(CallerContext.require(), new UserId(person));
	}

	@DeleteMapping("/api/v1/training/coordinators/{person}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End a designation (the organisation's administrator)")
	void revoke(@PathVariable UUID person) {
		coordinators.revoke(CallerContext.require(), new UserId(person));
	}
}
