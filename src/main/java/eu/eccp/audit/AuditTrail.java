package eu.eccp.audit;

/**
 * The published API to the audit trail. Recording joins the caller's transaction: if the change is
 * rolled back, so is its entry. Entries are linked into the hash chain right after that transaction commits.
 */
public interface AuditTrail {

	/** Records an event done by the authenticated caller of the current request (or the system). */
	void record(AuditEvent event);

	/** Records an event done by the given actor (e.g. a failed login, where nobody is authenticated). */
	void record(AuditActor actor, AuditEvent event);

	/** Records many events by one actor in one append (one JDBC batch, chained together). */
	void recordAll(AuditActor actor, java.util.List<AuditEvent> events);

	/** Records entries of several actors, each with its own remote address, in one append. */
	void recordAll(java.util.List<AuditRecord> records);
}
