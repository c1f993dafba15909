package eu.eccp.awareness.internal;

import eu.eccp.shared.ConflictException;

/** The change is not possible in the advisory's state (approving one's own advisory, editing a withdrawn one). */
public class AdvisoryStateException extends ConflictException {

	private final String messageKey;

	public AdvisoryStateException(String messageKey, String message) {
		super(message);
		this.messageKey = messageKey;
	}

	/** The words for people, a key of the message bundles. */
	public String messageKey() {
		return messageKey;
	}
}
