package eu.eccp.shared;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the person, their organisation and their roles. Every service method that reads or
 * changes records takes its decisions from this, never from what a controller happened to check.
 *
 * @param platformOperator whether the caller's organisation operates the platform (its admins and
 *        auditors act platform-wide)
 */
public record CallerContext(UserId userId, String username, OrganisationId organisationId, CountryCode country,
		Set<Role> roles, boolean platformOperator) {

	public CallerContext {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	/** Implemented by the authenticated principal so that services can find the caller. */
	public interface Principal {
		CallerContext caller();
	}

	/** The caller of the current request, if one is authenticated. */
	public static Optional<CallerContext> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Principal principal) {
			return Optional.of(principal.caller());
		}
		return Optional.empty();
	}

	/** The caller of the current request; fails when nobody is authenticated. */
	public static CallerContext require() {
		return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no authenticated caller"));
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** For templates: whether the caller holds the role of that name. */
	public boolean hasRole(String roleName) {
		return roles.stream().anyMatch(role -> role.name().equals(roleName));
	}

	/** Fails with an access-denied error unless the caller holds at least one of the roles. */
	public CallerContext requireAny(Role... anyOf) {
		for (Role role : anyOf) {
			if (has(role)) {
				return this;
			}
		}
		throw new AccessDeniedException("caller lacks the required role");
	}

	/** Whether the caller acts for the whole platform in the given role (operator admin or auditor). */
	public boolean actsPlatformWideAs(Role role) {
		return platformOperator && has(role);
	}

	public Visibility visibility() {
		return Visibility.of(this);
	}
}
