package eu.eccp.shared;

import java.util.Map;

/**
 * The request is well-formed but its content is not acceptable. {@code fieldErrors} maps a field name to
 * a message code of the bundles (the UI shows it next to the field; the API returns it in problem details).
 */
public class InvalidRequestException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public InvalidRequestException(Map<String, String> fieldErrors) {
		super("invalid fields: " + fieldErrors.keySet());
		this.fieldErrors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fieldErrors));
	}

	public InvalidRequestException(String field, String messageCode) {
		this(Map.of(field, messageCode));
	}

	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}
}
