package eu.eccp.blocklist.isp;

/** A list or delta the ISP side refuses: bad signature, wrong country, a gap, a replay, a drifted digest. */
public final class RefusedListException extends Exception {

	public RefusedListException(String message) {
		super(message);
	}
}
