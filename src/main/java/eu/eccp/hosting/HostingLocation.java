package eu.eccp.hosting;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;

/**
 * Where a host is, and who answers for it.
 * <p>
 * The hosting facts ({@code country}, {@code asn}, {@code networkOwner}) are those of the first address that
 * the IP data knows (IPv4 addresses come first). When that network is a known CDN or reverse proxy,
 * {@code behindCdn} is set, {@code cdnName} names it and the desk is the CDN's abuse desk, to whom a notice
 * goes with a request to forward it to the origin host (whose location the CDN hides).
 *
 * @param host the host name as looked up (lower case, IDN in its ASCII form), or the address literal
 * @param resolution whether the resolver answered with addresses
 * @param addresses every address of the host with what the IP data says about it
 * @param country the hosting country, when known
 * @param asn the autonomous system number of the hosting network, when known
 * @param networkOwner the network's owner as the IP data names it
 * @param behindCdn whether the host's network is a known CDN or reverse proxy
 * @param cdnName the CDN's name (from the maintained list), when behind one
 * @param platformOrganisation the organisation on the platform that operates the network, when the
 *        operator's table names one
 * @param contentRemovalDesk whether that organisation has a contact point with the content-removal capability
 *        (then notices go to it on the platform)
 * @param abuseEmail where a notice goes by e-mail: the platform organisation's content-removal desk, else the
 *        operator's table, else the CDN's abuse desk
 * @param contactSource where {@code abuseEmail} (or the platform organisation) came from
 * @param resolvedAt when the lookup ran
 */
public record HostingLocation(String host, Resolution resolution, List<AddressLocation> addresses,
		@Nullable CountryCode country, @Nullable Long asn, @Nullable String networkOwner, boolean behindCdn,
		@Nullable String cdnName, @Nullable OrganisationId platformOrganisation, boolean contentRemovalDesk,
		@Nullable String abuseEmail, ContactSource contactSource, Instant resolvedAt) {

	public HostingLocation {
		addresses = List.copyOf(addresses);
	}

	/** Whether the host is in an EU member state (false when unknown). */
	public boolean hostedInEu() {
		return country != null && country.isEuMemberState();
	}

	/** What the resolver said. */
	@eu.eccp.shared.Labelled(shown = false)
	public enum Resolution {
		/** The host has addresses (or was an address literal). */
		RESOLVED,
		/** The name does not exist or has no A/AAAA record. */
		NO_SUCH_HOST,
		/** The resolver did not answer (timeout, server failure): try again later. */
		FAILED
	}

	/** Where the desk came from. */
	@eu.eccp.shared.Labelled(shown = false)
	public enum ContactSource {
		/** The platform organisation operating the network (its content-removal contact point). */
		PLATFORM_ORGANISATION,
		/** The operator's table of network abuse contacts. */
		OPERATOR_TABLE,
		/** The maintained list of CDNs and reverse proxies. */
		CDN_LIST,
		/** Nobody is known for this network. */
		NONE
	}

	/**
	 * One address of the host.
	 *
	 * @param address the address in its canonical text form
	 * @param version 4 or 6
	 * @param reserved whether it is a private, loopback or other special-purpose address (no IP data applies)
	 * @param country the country the IP data gives, when any
	 * @param asn the autonomous system announcing it, when known
	 * @param networkOwner the owner of that network, when known
	 * @param cdnName the CDN or reverse proxy operating it, when it is one
	 */
	public record AddressLocation(String address, int version, boolean reserved, @Nullable CountryCode country,
			@Nullable Long asn, @Nullable String networkOwner, @Nullable String cdnName) {
	}
}
