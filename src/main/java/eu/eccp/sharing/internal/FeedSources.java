package eu.eccp.sharing.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * An organisation's TAXII sources: its admins, analysts and partner desks add and remove them (the credential is never shown again), its members
 * follow their progress; anyone else gets 404. Every change is audited.
 */
@Service
public class FeedSources {

	private final FeedSourceRepository sources;
	private final FeedProperties properties;
	private final AuditTrail audit;
	private final Clock clock;

	FeedSources(FeedSourceRepository sources, FeedProperties properties, AuditTrail audit, Clock clock) {
		this.sources = sources;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public FeedSourceView add(CallerContext caller, FeedSourceDraft draft) {
		requireImporter(caller);
		Map<String, String> errors = new LinkedHashMap<>();
		String name = draft.name() == null ? "" : draft.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			errors.put("name", "sharing.error.name");
		}
		String url = draft.url() == null ? "" : draft.url().strip();
		if (!url.isEmpty() && !url.endsWith("/")) {
			url = url + "/";
		}
		String urlError = checkUrl(url);
		if (urlError != null) {
			errors.put("url", urlError);
		}
		Tlp tlp = Tlp.AMBER;
		try {
			if (draft.tlp() != null && !draft.tlp().isBlank()) {
				tlp = Tlp.parse(draft.tlp());
			}
		}
		catch (IllegalArgumentException e) {
			errors.put("tlp", "sharing.error.tlp");
		}
		int interval = draft.intervalSeconds() == null ? 3600 : draft.intervalSeconds();
		if (interval < 60 || interval > 7 * 86_400) {
			errors.put("intervalSeconds", "sharing.error.interval");
		}
		int pageSize = draft.pageSize() == null ? 1000 : draft.pageSize();
		if (pageSize < 1 || pageSize > 10_000) {
			errors.put("pageSize", "sharing.error.pageSize");
		}
		String username = draft.username() == null || draft.username().isBlank() ? null : draft.username().strip();
		String secret = draft.secret() == null || draft.secret().isBlank() ? null : draft.secret().strip();
		if (username != null && secret == null) {
			errors.put("secret", "sharing.error.secret");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		UUID id = UUID.randomUUID();
		sources.insert(id, caller.organisationId().value(), name, url, username, secret, tlp.name(), interval, pageSize,
				caller.userId().value(), clock.instant());
		audit.record(AuditEvent.of("sharing.feed.added", "sharing-feed", id).withDetail("url=" + url));
		return sources.view(sources.find(id).orElseThrow());
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
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
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
