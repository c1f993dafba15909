package eu.eccp.blocklist.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import eu.eccp.blocklist.isp.ListDocument;
import eu.eccp.blocklist.isp.ReferenceCode;
import eu.eccp.shared.ConflictException;

/**
 * Each country's list: consecutive versions, each recording the entries it added and removed, the current
 * members, and the signed documents served from them (full list, delta since a version, RPZ zone). A
 * version is taken under the lock of the country's head row, so versions never skip or repeat. Documents
 * carry only SHA-256 hashes, reference codes and host keys — the RPZ zone alone names hosts, and only those
 * of whole-host entries. Signed documents are kept for a minute (by size, at most 256 MB) so that many ISPs
 * syncing at once cost one build.
 */
@Component
class CountryLists {

	private final CountryListRepository lists;

	private final Clock clock;

	private final SigningKeys keys;

	private final BlockListProperties properties;

	private final Cache<String, SignedDocument> documents = Caffeine.newBuilder()
		.expireAfterWrite(java.time.Duration.ofMinutes(1))
		.maximumWeight(256L << 20)
		.<String, SignedDocument>weigher((key, doc) -> doc.body().length)
		.build();

	CountryLists(CountryListRepository lists, Clock clock, SigningKeys keys, BlockListProperties properties) {
		this.lists = lists;
		this.clock = clock;
		this.keys = keys;
		this.properties = properties;
	}

	/** A document and its detached signature header. */
	record SignedDocument(byte[] body, String signature, long version) {
	}

	/**
	 * Publishes a new version of the country's list that adds and removes these entries; returns it. Runs in
	 * the caller's transaction; nothing is published when both are empty.
	 */
	@Transactional
	public long publish(String country, Collection<UUID> added, Collection<UUID> removed) {
		Instant now = clock.instant();
		long current = lists.lockHead(country, now);
		if (added.isEmpty() && removed.isEmpty()) {
			return current;
		}
		long version = current + 1;
		lists.addVersion(country, version, added, removed, now);
		return version;
	}

	/** The countries whose current list holds the entry. */
	List<String> countriesListing(UUID entry) {
		return lists.countriesListing(entry);
	}

	/** The countries whose list carries each of the entries, in one query (for a page of entries). */
	Map<UUID, List<String>> countriesListing(Collection<UUID> entries) {
		return lists.countriesListing(entries);
	}

	long version(String country) {
		return lists.version(country);
	}

	@Transactional
	public SignedDocument full(String country) {
		long version = version(country);
		return documents.get(country + ":" + version + ":full", k -> {
			List<ListDocument.Change> changes = lists.members(country);
			byte[] digest = ListDocument.digestOf(changes.stream().map(ListDocument.Change::hash).toList());
			return sign(new ListDocument(country, ListDocument.Kind.FULL, 0, version, issuedNow(), digest, changes));
		});
	}

	/**
	 * The changes from {@code since} to the current version.
	 *
	 * @throws BlockListDistribution.FullListRequiredException when {@code since} is older than the deltas kept
	 * @throws ConflictException when {@code since} is newer than the current version
	 */
	@Transactional
	public SignedDocument delta(String country, long since) {
		long version = version(country);
		if (since > version) {
			throw new ConflictException("version " + since + " is newer than the list's current version " + version);
		}
		if (since < 0 || since < version - properties.deltaVersions()) {
			throw new BlockListDistribution.FullListRequiredException("version " + since + " is too old for a delta: fetch the full list");
		}
		return documents.get(country + ":" + version + ":since:" + since, k -> {
			// an entry that was a member at `since` has its first change since then a removal
			List<CountryListRepository.Touched> touched = lists.touchedSince(country, since);
			List<ListDocument.Change> changes = new ArrayList<>();
			for (CountryListRepository.Touched t : touched) {
				boolean memberThen = !t.firstChangeAdded();
				boolean memberNow = t.memberNow();
				if (memberNow && !memberThen) {
					changes.add(new ListDocument.Change(true, t.expressionHash(), ReferenceCode.parse(t.referenceCode()), t.hostKey()));
				}
				else if (memberThen && !memberNow) {
					changes.add(ListDocument.Change.removal(t.expressionHash()));
				}
			}
			List<byte[]> members = lists.memberHashes(country);
			return sign(new ListDocument(country, ListDocument.Kind.DELTA, since, version, issuedNow(),
					ListDocument.digestOf(members), changes));
		});
	}

	/**
	 * The RPZ zone (RFC draft "DNS Response Policy Zones") of the country's whole-host entries: each host and
	 * its subdomains answer NXDOMAIN, or a CNAME to the stop-page host when one is configured.
	 */
	@Transactional
	public SignedDocument rpz(String country) {
		long version = version(country);
		return documents.get(country + ":" + version + ":rpz", k -> {
			List<String> hosts = lists.wholeHosts(country);
			String target = properties.rpzStopHost() == null ? "." : properties.rpzStopHost().replaceAll("\\.?$", ".");
			StringBuilder zone = new StringBuilder();
			zone.append("; ECCP block list ").append(country).append(" version ").append(version)
				.append(", whole-host entries only\n");
			zone.append("$TTL 300\n");
			zone.append("@ SOA localhost. hostmaster.localhost. ").append(version).append(" 3600 600 86400 300\n");
			zone.append("@ NS localhost.\n");
			Set<String> seen = new HashSet<>();
			for (String host : hosts) {
				if (host.startsWith("[") || host.matches("[0-9.]+") || !seen.add(host)) {
					continue; // IP literals are not names
				}
				zone.append(host).append(" CNAME ").append(target).append('\n');
				zone.append("*.").append(host).append(" CNAME ").append(target).append('\n');
			}
			byte[] body = zone.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
			return new SignedDocument(body, keys.sign(body, clock.instant()), version);
		});
	}

	private Instant issuedNow() {
		return clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private SignedDocument sign(ListDocument doc) {
		byte[] body = doc.toBytes();
		return new SignedDocument(body, keys.sign(body, doc.issued()), doc.version());
	}
}
