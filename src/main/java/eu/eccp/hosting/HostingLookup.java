package eu.eccp.hosting;

/**
 * Where a web address is hosted, and who must act on it.
 * <p>
 * {@code locate("https://example.nl/a/b")} (or a bare host name, an IP address literal, a defanged
 * {@code hxxps://example[.]nl/...}) resolves the host through the configured resolver (A and AAAA records;
 * {@code eccp.hosting.dns.*}), maps every address to its country, autonomous system and network owner from the
 * imported IP data, flags known CDNs and reverse proxies, and names the desk a notice goes to. The call does
 * not touch the host itself, and needs no caller: access decisions belong to the calling module (the API
 * endpoint {@code GET /api/v1/hosting/lookup} lets analysts and hotline analysts call it and audits each call).
 * A host that does not resolve gives a location with no addresses and {@link HostingLocation.Resolution#NO_SUCH_HOST}
 * (or {@code FAILED} when the resolver did not answer): never an exception.
 *
 * @throws eu.eccp.shared.InvalidRequestException (field {@code url}) when the text is no URL or host name
 */
public interface HostingLookup {

	HostingLocation locate(String urlOrHost);
}
