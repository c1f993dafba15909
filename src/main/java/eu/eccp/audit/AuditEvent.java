package eu.eccp.audit;

import org.jspecify.annotations.Nullable;

/**
 * Something worth recording: an action (dotted, e.g. {@code user.created}, {@code login.failed}), the
 * kind and id of the object it concerned, an optional short detail (never report text or personal data
 * itself), and whether personal data was read or changed.
 */
public record AuditEvent(String action, String objectType, @Nullable String objectId, @Nullable String detail,
		boolean personalData) {

	public AuditEvent {
		if (action.isBlank() || objectType.isBlank()) {
			throw new IllegalArgumentException("action and object type are required");
		}
	}

	public static AuditEvent of(String action, String objectType, @Nullable Object objectId) {
		return new AuditEvent(action, objectType, objectId == null ? null : objectId.toString(), null, false);
	}

	public AuditEvent withDetail(String newDetail) {
		return new AuditEvent(action, objectType, objectId, newDetail, personalData);
	}

	/** Marks the event as a read or change of personal data. */
	public AuditEvent personal() {
		return new AuditEvent(action, objectType, objectId, detail, true);
	}
}
