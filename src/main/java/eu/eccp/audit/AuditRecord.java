package eu.eccp.audit;

import org.jspecify.annotations.Nullable;

/**
 * One entry to record for an actor who is not the current request's caller, with the address it came from: for
 * work that records the entries of many requests at once (e.g. public reports written together), where the
 * current request, if any, is not theirs.
 */
public record AuditRecord(AuditActor actor, AuditEvent event, @Nullable String remoteAddress) {
}
