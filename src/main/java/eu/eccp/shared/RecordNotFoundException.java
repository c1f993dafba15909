package eu.eccp.shared;

/** The record does not exist, or the caller may not see it (the two are never told apart). */
public class RecordNotFoundException extends RuntimeException {

	public RecordNotFoundException(String what) {
		super(what + " not found");
	}
}
