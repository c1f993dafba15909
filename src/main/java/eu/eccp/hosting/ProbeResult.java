package eu.eccp.hosting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one removal check saw. Never a body.
 *
 * @param url the URL checked (as given)
 * @param outcome online / removed / changed / failed (see {@link Outcome})
 * @param statusCode the final answer's status code, when one came
 * @param hops every request made, in order: the URL, the address connected to and the status code (a
 *        redirect's {@code Location} is the next hop's URL)
 * @param finalUrl the last URL asked
 * @param finalAddress the address the last answer came from, when a connection was made
 * @param failure why the check failed or a hop was refused, when it did
 * @param checkedAt when the check started
 * @param took how long it took
 */
public record ProbeResult(String url, Outcome outcome, @Nullable Integer statusCode, List<Hop> hops, String finalUrl,
		@Nullable String finalAddress, @Nullable Failure failure, Instant checkedAt, Duration took) {

	public ProbeResult {
		hops = List.copyOf(hops);
	}

	/** Whether the check got an answer (online, removed or changed) rather than failing. */
	public boolean answered() {
		return outcome != Outcome.FAILED;
	}

	/**
	 * What the check concluded.
	 * <ul>
	 * <li>{@code ONLINE}: the URL (or the same resource at a redirect that changes only the scheme, a
	 * {@code www.} prefix or a trailing slash) answers 2xx.</li>
	 * <li>{@code REMOVED}: the answer is 404, 410 or 451, or the host name no longer exists.</li>
	 * <li>{@code CHANGED}: the host answers, but not with the resource: a redirect to another address that answers
	 * 2xx (a home page, a notice page), or another client error (401, 403...).</li>
	 * <li>{@code FAILED}: no usable answer (timeout, connection error, server error 5xx, too many redirects, an
	 * address refused as private): try again later.</li>
	 * </ul>
	 */
	@eu.eccp.shared.Labelled(shown = false)
	public enum Outcome {
		ONLINE, REMOVED, CHANGED, FAILED
	}

	/** Why a check failed. */
	@eu.eccp.shared.Labelled(shown = false)
	public enum Failure {
		/** The URL is no http(s) URL with a host. */
		INVALID_URL,
		/** A hop's host resolves to a private, loopback, link-local or other reserved address. */
		PRIVATE_ADDRESS_REFUSED,
		/** The resolver did not answer. */
		DNS_FAILED,
		/** No connection could be made (refused, unreachable, TLS handshake failed). */
		CONNECTION_FAILED,
		/** The host did not answer in time. */
		TIMEOUT,
		/** More redirects than {@code max-redirects}, or a redirect loop. */
		TOO_MANY_REDIRECTS,
		/** The server answered 5xx. */
		SERVER_ERROR
	}

	/** One request of a check. */
	public record Hop(String url, @Nullable String address, @Nullable Integer statusCode, String method) {
	}
}
