package eu.eccp.organisations;

import java.time.Instant;
import java.util.UUID;

/** A freshly issued API token: the clear {@code token} exists only here, it is stored hashed. */
public record IssuedToken(UUID id, String token, Instant expiresAt) {
}
