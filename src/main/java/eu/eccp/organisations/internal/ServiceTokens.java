package eu.eccp.organisations.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.organisations.IssuedToken;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.ArraySchema;

/**
 * Long-lived service tokens, issued by an organisation's admins to that organisation's systems (a
 * ticketing system, a feed consumer) and revoked by them. A service token acts for the organisation with
 * the roles chosen when it was issued, which must suit the organisation's type; it can never act as an auditor
 * or an administrator, and lives at most {@code eccp.accounts.service-token-max-ttl}.
 */
@Service
public class ServiceTokens {

	/**
	 * A machine never audits, and never administers: an admin's powers (people, roles, tokens) stay with
	 * people, whose logins are audited and can require a second factor.
	 */
	private static final Set<Role> NOT_FOR_MACHINES = EnumSet.of(Role.AUDITOR, Role.ADMIN);

	private final ApiTokenRepository tokens;
	private final OrganisationDirectory organisations;
	private final AccountsProperties properties;
	private final AuditTrail audit;
	private final Clock clock;

	ServiceTokens(ApiTokenRepository tokens, OrganisationDirectory organisations, AccountsProperties properties,
			AuditTrail audit, Clock clock) {
		this.tokens = tokens;
		this.organisations = organisations;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** What an admin fills in to issue a service token; {@code expiresOn} is optional (ISO date). */
	public record NewServiceToken(@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 100) @Nullable String name,
			@Schema(format = "uuid", description = "default the caller's organisation") @Nullable String organisationId,
			@ArraySchema(minItems = 1, schema = @Schema(implementation = Role.class),
					arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED)) @Nullable List<String> roles,
			@Schema(format = "date") @Nullable String expiresOn) {
	}

	@Transactional(readOnly = true)
	public List<ApiTokenView> list(CallerContext caller) {
		caller.requireAny(Role.ADMIN);
		return tokens.findVisible(caller.visibility(), "SERVICE");
	}

	@Transactional
	public IssuedToken issue(CallerContext caller, NewServiceToken form) {
		caller.requireAny(Role.ADMIN);
		Map<String, String> errors = new HashMap<>();
		if (form.name() == null || form.name().isBlank() || form.name().length() > 100) {
			errors.put("name", "validation.tokenName");
		}
		OrganisationView org = null;
		try {
			org = organisations.get(caller,
					form.organisationId() == null || form.organisationId().isBlank() ? caller.organisationId()
							: OrganisationId.parse(form.organisationId()));
		}
		catch (IllegalArgumentException | RecordNotFoundException e) {
			errors.put("organisationId", "validation.organisation");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : form.roles() == null ? List.<String>of() : form.roles()) {
			try {
				roles.add(Role.valueOf(name));
			}
			catch (IllegalArgumentException e) {
				errors.put("roles", "validation.roles");
			}
		}
		if (roles.isEmpty() || roles.stream().anyMatch(NOT_FOR_MACHINES::contains)) {
			errors.put("roles", "validation.tokenRoles");
		}
		else if (org != null && !org.type().assignableRoles().containsAll(roles)) {
			errors.put("roles", "validation.rolesNotForOrganisation");
		}
		else if (!caller.actsPlatformWideAs(Role.ADMIN)
				&& roles.stream().anyMatch(UserAdministration.PLATFORM_ASSIGNED::contains)) {
			errors.put("roles", "validation.rolesPlatformOnly");
		}
		Instant now = clock.instant();
		Instant latest = now.plus(properties.serviceTokenMaxTtl());
		Instant expiresAt = now.plus(properties.serviceTokenTtl());
		if (expiresAt.isAfter(latest)) {
			expiresAt = latest;
		}
		if (form.expiresOn() != null && !form.expiresOn().isBlank()) {
			try {
				expiresAt = LocalDate.parse(form.expiresOn().strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
				if (!expiresAt.isAfter(now)) {
					errors.put("expiresOn", "validation.expiresOn");
				}
				else if (expiresAt.isAfter(latest.plus(java.time.Duration.ofDays(1)))) {
					errors.put("expiresOn", "validation.expiresOnTooLate");
				}
			}
			catch (java.time.format.DateTimeParseException e) {
				errors.put("expiresOn", "validation.expiresOn");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		String token = Tokens.generate();
		UUID id = UUID.randomUUID();
		tokens.insert(id, Tokens.hash(token), "SERVICE", form.name().strip(), org.id(), null, roles, caller.userId(),
				now, expiresAt);
		audit.record(AuditEvent.of("token.issued", "api_token", id).withDetail("kind=SERVICE roles=" + roles));
		return new IssuedToken(id, token, expiresAt);
	}

	@Transactional
	public void revoke(CallerContext caller, UUID id) {
		caller.requireAny(Role.ADMIN);
		ApiTokenView token = tokens.findById(id)
			.filter(t -> caller.visibility().canSee(t.organisationId()))
			.orElseThrow(() -> new RecordNotFoundException("token"));
		if (tokens.revoke(token.id(), clock.instant())) {
			audit.record(AuditEvent.of("token.revoked", "api_token", id));
		}
	}
}
