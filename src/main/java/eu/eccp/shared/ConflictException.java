package eu.eccp.shared;

/** The request clashes with what is stored (a taken name, an illegal state transition). */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}
