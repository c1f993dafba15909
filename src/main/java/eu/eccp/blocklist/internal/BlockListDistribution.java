package eu.eccp.blocklist.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.blocklist.isp.PublishedKey;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.Role;

/**
 * What ISPs fetch: a subscribed ISP's full list or delta, its RPZ zone when its agreement allows it, and
 * the key set; each fetch is recorded as a sync of that ISP (also a refused delta, as {@code full-required}).
 */
@Service
public class BlockListDistribution {

	private final CountryLists lists;

	private final IspSyncs syncs;

	private final SigningKeys keys;

	private final AuditTrail audit;

	BlockListDistribution(CountryLists lists, IspSyncs syncs, SigningKeys keys, AuditTrail audit) {
		this.lists = lists;
		this.syncs = syncs;
		this.keys = keys;
		this.audit = audit;
	}

	/** A signed document: body, detached signature header, the list version it shows. */
	public record Document(byte[] body, String signature, long version) {
	}

	/** The client's version is older than the oldest one a delta is kept for: it must fetch the full list. */
	public static final class FullListRequiredException extends RuntimeException {

		FullListRequiredException(String message) {
			super(message);
		}
	}

	public Document list(CallerContext caller, String country, @Nullable Long since) {
		syncs.requireSubscriber(caller, country);
		CountryLists.SignedDocument doc;
		if (since == null) {
			doc = lists.full(country);
			syncs.recordSync(caller, country, "full", null, doc.version());
		}
		else {
			try {
				doc = lists.delta(country, since);
			}
			catch (FullListRequiredException e) {
				syncs.recordSync(caller, country, "full-required", since, lists.version(country));
				throw e;
			}
			syncs.recordSync(caller, country, "delta", since, doc.version());
		}
		return new Document(doc.body(), doc.signature(), doc.version());
	}

	public Document rpz(CallerContext caller, String country) {
		if (!syncs.requireSubscriber(caller, country).rpzAllowed()) {
			throw new AccessDeniedException("the agreement does not include the RPZ zone");
		}
		CountryLists.SignedDocument doc = lists.rpz(country);
		syncs.recordSync(caller, country, "rpz", null, doc.version());
		return new Document(doc.body(), doc.signature(), doc.version());
	}

	public Document keys() {
		SigningKeys.Signed set = keys.keySet();
		return new Document(set.body(), set.signature(), 0);
	}

	public PublishedKey rotate(CallerContext caller) {
		caller.requireAny(Role.BLOCKLIST_OFFICER);
		PublishedKey key = keys.rotate();
		audit.record(new AuditEvent("blocklist.key.rotated", "blocklist-key", key.id(), "valid from " + key.validFrom(), false));
		return key;
	}
}
