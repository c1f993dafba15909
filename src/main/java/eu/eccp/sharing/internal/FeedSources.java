package eu.eccp.sharing.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.NetworkAddresses;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Tlp;

/**
 * An organisation's feed sources (TAXII collections, MISP feeds): its admins, analysts and partner desks add, change
 * and remove them (the credential is stored encrypted, see {@link FeedCredentials}, and never shown again), its
 * members follow their progress; anyone else gets 404. Every change is audited.
 */
@Service
public class FeedSources {

	/** The kinds of source: a TAXII 2.1 collection, a MISP feed. */
	public static final List<String> KINDS = List.of("TAXII", "MISP");

	private final FeedSourceRepository sources;
	private final FeedCredentials credentials;
	private final FeedProperties properties;
	private final AuditTrail audit;
	private final Clock clock;

	FeedSources(FeedSourceRepository sources, FeedCredentials credentials, FeedProperties properties, AuditTrail audit,
			Clock clock) {
		this.sources = sources;
		this.credentials = credentials;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public FeedSourceView add(CallerContext caller, FeedSourceDraft draft) {
		requireImporter(caller);
		UUID id = UUID.randomUUID();
		FeedSourceRepository.Change change = checked(id, draft, null);
		sources.insert(id, caller.organisationId().value(), change, caller.userId().value(), clock.instant());
		audit.record(AuditEvent.of("sharing.feed.added", "sharing-feed", id)
			.withDetail("kind=" + change.kind() + " url=" + change.url()));
		return sources.view(sources.find(id).orElseThrow());
	}

	/**
	 * Changes a source of the caller's organisation. A blank secret keeps the stored one, except when the address
	 * changes: a stored credential is never sent to an address other than the one it was given for, so a new address
	 * needs the secret again (to pull it without one, remove the source and add it anew). A new address or kind starts
	 * the source afresh (cursor, imported events).
	 */
	@Transactional
	public FeedSourceView update(CallerContext caller, UUID id, FeedSourceDraft draft) {
		requireImporter(caller);
		FeedSourceRepository.Source current = sources.find(id)
			.filter(s -> s.organisation().equals(caller.organisationId().value()))
			.orElseThrow(() -> new RecordNotFoundException("feed source"));
		FeedSourceRepository.Change change = checked(id, draft, current);
		sources.update(id, current.organisation(), change, clock.instant());
		audit.record(AuditEvent.of("sharing.feed.changed", "sharing-feed", id)
			.withDetail("kind=" + change.kind() + " url=" + change.url() + (change.secretSealed() != null
					? " credential=replaced" : change.clearSecret() ? " credential=removed" : "")));
		return sources.view(sources.find(id).orElseThrow());
	}

	/** The draft checked field by field (all problems at once), the credential sealed. */
	private FeedSourceRepository.Change checked(UUID id, FeedSourceDraft draft,
			FeedSourceRepository.@Nullable Source current) {
		Map<String, String> errors = new LinkedHashMap<>();
		String kind = draft.kind() == null || draft.kind().isBlank() ? (current == null ? "TAXII" : current.kind())
				: draft.kind().strip().toUpperCase(Locale.ROOT);
		if (!KINDS.contains(kind)) {
			errors.put("kind", "sharing.error.feedKind");
		}
		String name = draft.name() == null ? "" : draft.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			errors.put("name", "sharing.error.name");
		}
		String url = draft.url() == null ? "" : draft.url().strip();
		if (!url.isEmpty() && !url.endsWith("/")) {
			url = url + "/";
		}
		String urlError = url.length() > 2000 ? "sharing.error.url" : checkUrl(url);
		if (urlError != null) {
			errors.put("url", urlError);
		}
		Tlp tlp = current == null ? Tlp.AMBER : Tlp.valueOf(current.tlp());
		try {
			if (draft.tlp() != null && !draft.tlp().isBlank()) {
				tlp = Tlp.parse(draft.tlp());
			}
		}
		catch (IllegalArgumentException e) {
			errors.put("tlp", "sharing.error.tlp");
		}
		int interval = draft.intervalSeconds() != null ? draft.intervalSeconds()
				: current == null ? 3600 : current.intervalSeconds();
		if (interval < 60 || interval > 7 * 86_400) {
			errors.put("intervalSeconds", "sharing.error.interval");
		}
		int pageSize = draft.pageSize() != null ? draft.pageSize() : current == null ? 1000 : current.pageSize();
		if (pageSize < 1 || pageSize > 10_000) {
			errors.put("pageSize", "sharing.error.pageSize");
		}
		String username = draft.username() == null || draft.username().isBlank() ? null : draft.username().strip();
		String secret = draft.secret() == null || draft.secret().isBlank() ? null : draft.secret().strip();
		if (username != null && username.length() > 200) {
			errors.put("username", "sharing.error.username");
		}
		if (secret != null && secret.length() > 4000) {
			errors.put("secret", "sharing.error.secretLength");
		}
		boolean newAddress = current != null && !current.url().equals(url);
		boolean keepsStored = current != null && current.hasSecret() && secret == null;
		if (keepsStored && newAddress) {
			errors.put("secret", "sharing.error.secretForNewUrl");
		}
		else if (username != null && secret == null && !keepsStored) {
			errors.put("secret", "sharing.error.secret");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		boolean clearSecret = secret == null && !keepsStored;
		boolean enabled = draft.enabled() != null ? draft.enabled() : current == null || current.enabled();
		boolean reset = current != null && (newAddress || !current.kind().equals(kind));
		return new FeedSourceRepository.Change(kind, name, url, username, secret == null ? null : credentials.seal(id, secret),
				secret == null ? null : FeedCredentials.hint(secret), clearSecret, tlp.name(), interval, pageSize, enabled,
				reset);
	}

	/** The credential to send to the source, if it has one. */
	@Nullable
	String credential(FeedSourceRepository.Source source) {
		return source.secretSealed() == null ? null : credentials.open(source.id(), source.secretSealed());
	}

	@Transactional(readOnly = true)
	public List<FeedSourceView> list(CallerContext caller) {
		return sources.ofOrganisation(caller.organisationId().value()).stream().map(sources::view).toList();
	}

	@Transactional(readOnly = true)
	public FeedSourceView find(CallerContext caller, UUID id) {
		return sources.find(id).filter(s -> s.organisation().equals(caller.organisationId().value())).map(sources::view)
			.orElseThrow(() -> new RecordNotFoundException("feed source"));
	}

	@Transactional
	public void remove(CallerContext caller, UUID id) {
		requireImporter(caller);
		if (!sources.delete(id, caller.organisationId().value())) {
			throw new RecordNotFoundException("feed source");
		}
		audit.record(AuditEvent.of("sharing.feed.removed", "sharing-feed", id));
	}

	/** Asks for a pull as soon as a node is free. */
	@Transactional
	public FeedSourceView runNow(CallerContext caller, UUID id) {
		requireImporter(caller);
		if (!sources.runNow(id, caller.organisationId().value(), clock.instant())) {
			throw new RecordNotFoundException("feed source");
		}
		return find(caller, id);
	}

	private static void requireImporter(CallerContext caller) {
		if (!StixImport.mayImport(caller)) {
			throw new AccessDeniedException("the caller's roles do not allow this");
		}
	}

	/** Why a source URL is refused (a message code), or null when it is acceptable. Checked again on every pull. */
	String checkUrl(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException e) {
			return "sharing.error.url";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || uri.getUserInfo() != null || !(scheme.equals("https") || scheme.equals("http"))) {
			return "sharing.error.url";
		}
		if (scheme.equals("http") && !properties.allowHttp()) {
			return "sharing.error.urlHttps";
		}
		if (!properties.allowPrivateAddresses()) {
			try {
				for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
					if (NetworkAddresses.isPrivateOrReserved(address)) {
						return "sharing.error.urlPrivate";
					}
				}
			}
			catch (UnknownHostException e) {
				return "sharing.error.urlUnknownHost";
			}
		}
		return null;
	}
}
