package eu.eccp.shared;

/** A client sent more requests than it may; answered 429 with a clear message. */
public class TooManyRequestsException extends RuntimeException {

	public TooManyRequestsException() {
		super("Too many requests from your address. Please wait a while and try again.");
	}
}
