package eu.eccp.organisations.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

import eu.eccp.organisations.IssuedToken;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.internal.ApiTokenView;
import eu.eccp.organisations.internal.OrganisationDirectory;
import eu.eccp.organisations.internal.ServiceTokens;
import eu.eccp.organisations.internal.UserAdministration;
import eu.eccp.organisations.internal.UserRecord;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.ArraySchema;

/** Organisations, users and service tokens over the API (the same rules as the admin pages). */
@RestController
@Tag(name = "Organisations, people and service tokens")
@RequestMapping("/api/v1")
class OrganisationsApiController {

	private final OrganisationDirectory organisations;
	private final UserAdministration users;
	private final ServiceTokens tokens;

	OrganisationsApiController(OrganisationDirectory organisations, UserAdministration users, ServiceTokens tokens) {
		this.organisations = organisations;
		this.users = users;
		this.tokens = tokens;
	}

	record UserDto(UUID id, String username, String displayName, @Nullable String email, UUID organisationId,
			String organisationName, Set<Role> roles, boolean enabled, boolean demoAccount,
			@Nullable Instant lastLoginAt) {

		static UserDto of(UserRecord u) {
			return new UserDto(u.id().value(), u.username(), u.displayName(), u.email(), u.organisationId().value(),
					u.organisation().name(), u.roles(), u.enabled(), u.demoAccount(), u.lastLoginAt());
		}
	}

	record RolesChange(@ArraySchema(schema = @Schema(implementation = Role.class),
			arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED)) @Nullable List<String> roles) {
	}

	record EnabledChange(boolean enabled) {
	}

	record PasswordChange(@Schema(requiredMode = RequiredMode.REQUIRED, format = "password") @Nullable String password) {
	}

	record TokenDto(UUID id, String name, UUID organisationId, String organisationName, Set<Role> roles,
			Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

		static TokenDto of(ApiTokenView t) {
			return new TokenDto(t.id(), t.name(), t.organisationId().value(), t.organisationName(), t.roles(),
					t.createdAt(), t.expiresAt(), t.revokedAt(), t.lastUsedAt());
		}
	}

	@GetMapping("/organisations")
	Page<OrganisationView> organisations(@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable OrganisationType type,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return organisations.list(CallerContext.require(), country == null ? null : CountryCode.of(country), type,
				PageRequest.of(page, size));
	}

	@GetMapping("/organisations/{id}")
	OrganisationView organisation(@PathVariable UUID id) {
		return organisations.get(CallerContext.require(), new OrganisationId(id));
	}

	@PostMapping("/organisations")
	ResponseEntity<OrganisationView> register(@RequestBody OrganisationDirectory.OrganisationForm form) {
		OrganisationView created = organisations.register(CallerContext.require(), form);
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id())).body(created);
	}

	@PutMapping("/organisations/{id}")
	OrganisationView update(@PathVariable UUID id, @RequestBody OrganisationDirectory.OrganisationForm form) {
		return organisations.update(CallerContext.require(), new OrganisationId(id), form);
	}

	@GetMapping("/users")
	Page<UserDto> users(@RequestParam(required = false) @Nullable UUID organisationId,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return users.list(CallerContext.require(), organisationId == null ? null : new OrganisationId(organisationId),
				PageRequest.of(page, size)).map(UserDto::of);
	}

	@GetMapping("/users/{id}")
	UserDto user(@PathVariable UUID id) {
		return UserDto.of(users.get(CallerContext.require(), new UserId(id)));
	}

	@PostMapping("/users")
	ResponseEntity<UserDto> createUser(@RequestBody UserAdministration.NewUser form) {
		UserRecord created = users.create(CallerContext.require(), form);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(UserDto.of(created));
	}

	@PutMapping("/users/{id}/roles")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changeRoles(@PathVariable UUID id, @RequestBody RolesChange change) {
		users.changeRoles(CallerContext.require(), new UserId(id), change.roles());
	}

	@PutMapping("/users/{id}/enabled")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void setEnabled(@PathVariable UUID id, @RequestBody EnabledChange change) {
		users.setEnabled(CallerContext.require(), new UserId(id), change.enabled());
	}

	@PutMapping("/users/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetPassword(@PathVariable UUID id, @RequestBody PasswordChange change) {
		users.resetPassword(CallerContext.require(), new UserId(id), change.password());
	}

	@GetMapping("/tokens")
	List<TokenDto> tokens() {
		return tokens.list(CallerContext.require()).stream().map(TokenDto::of).toList();
	}

	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken issueToken(@RequestBody ServiceTokens.NewServiceToken form) {
		return tokens.issue(CallerContext.require(), form);
	}

	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeToken(@PathVariable UUID id) {
		tokens.revoke(CallerContext.require(), id);
	}
}
