package eu.eccp.sharing.internal;

/** A TAXII request that cannot be answered: the web layer turns it into a TAXII error message with this status. */
public class TaxiiException extends RuntimeException {

	private final int status;

	public TaxiiException(int status, String title) {
		super(title);
		this.status = status;
	}

	public int status() {
		return status;
	}
}
