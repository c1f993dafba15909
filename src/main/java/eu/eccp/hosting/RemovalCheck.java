package eu.eccp.hosting;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The removal check: is the content at a URL still online?
 * <p>
 * A probe asks the URL's host with {@code HEAD} (falling back to {@code GET} only when the server refuses
 * {@code HEAD} with 405 or 501; the body of that answer is never read: the connection is closed as soon as the
 * status line and headers are in), follows up to {@code eccp.hosting.probe.max-redirects} redirects itself, and
 * keeps only status codes, the redirect chain and the final address; no body is ever stored. Every hop's host is
 * resolved through the configured resolver and refused when it resolves to a private, loopback, link-local or
 * other reserved address (see {@link eu.eccp.shared.NetworkAddresses}); the connection goes to exactly the
 * address that was checked, so a DNS answer that changes between the check and the connection cannot get round
 * it. Connect and answer timeouts are {@code eccp.hosting.probe.connect-timeout} and {@code read-timeout}.
 * <p>
 * Probes run on a bounded executor of {@code eccp.hosting.probe.threads} threads with a queue of
 * {@code eccp.hosting.probe.queue}; a probe holds no database connection. {@link #submit} fails its future with
 * {@link java.util.concurrent.RejectedExecutionException} when the queue is full, {@link #checkAll} waits for
 * room instead. Callers (takedown's interval checks, the block list) keep their own schedule and records.
 */
public interface RemovalCheck {

	/** Probes the URL on the calling thread. Never throws for what the network does: that is a {@code FAILED} result. */
	ProbeResult check(String url);

	/** Probes the URL on the probe executor. */
	CompletableFuture<ProbeResult> submit(String url);

	/** Probes all URLs on the probe executor (at most its threads at once) and returns the results in their order. */
	List<ProbeResult> checkAll(List<String> urls);
}
