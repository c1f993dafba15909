package eu.eccp.shared;

import java.time.Duration;

/**
 * More requests than may be taken now; answered 429 with a clear message and when to try again. Usually one client
 * sent more than it may (the default); {@link #busy} is for the platform taking in more than it can hold at once.
 */
public class TooManyRequestsException extends RuntimeException {

	private final String messageKey;
	private final Duration retryAfter;

	public TooManyRequestsException() {
		this("Too many requests from your address. Please wait a while and try again.", "validation.rateLimited",
				Duration.ofMinutes(10));
	}

	private TooManyRequestsException(String message, String messageKey, Duration retryAfter) {
		super(message);
		this.messageKey = messageKey;
		this.retryAfter = retryAfter;
	}

	/** The platform is busy for everyone, not this client: try again shortly. */
	public static TooManyRequestsException busy() {
		return new TooManyRequestsException("The platform is taking in many reports at this moment. Please try again in a minute.",
				"validation.busy", Duration.ofSeconds(30));
	}

	/** The message key for a page, in the reader's language. */
	public String messageKey() {
		return messageKey;
	}

	/** When to try again ({@code Retry-After}). */
	public Duration retryAfter() {
		return retryAfter;
	}
}
