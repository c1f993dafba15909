package eu.eccp.hosting.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import com.google.common.net.InetAddresses;

import eu.eccp.contactpoints.ContentRemovalDesks;
import eu.eccp.hosting.HostingLocation;
import eu.eccp.hosting.HostingLocation.AddressLocation;
import eu.eccp.hosting.HostingLocation.ContactSource;
import eu.eccp.hosting.HostingLookup;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.NetworkAddresses;
import eu.eccp.shared.OrganisationId;

/**
 * Resolves, maps each address, flags CDNs and names the desk (see {@link HostingLookup}). The desk is, in this
 * order: the platform organisation the operator's table names for the network, with its content-removal contact
 * point's e-mail; else the table's abuse e-mail; else, behind a CDN, the CDN's abuse desk from the list.
 */
@Service
class DefaultHostingLookup implements HostingLookup {

	private final HostResolver resolver;
	private final IpLocations ipLocations;
	private final CdnList cdns;
	private final NetworkContacts contacts;
	private final ContentRemovalDesks desks;
	private final Clock clock;

	DefaultHostingLookup(HostResolver resolver, IpLocations ipLocations, CdnList cdns, NetworkContacts contacts,
			ContentRemovalDesks desks, Clock clock) {
		this.resolver = resolver;
		this.ipLocations = ipLocations;
		this.cdns = cdns;
		this.contacts = contacts;
		this.desks = desks;
		this.clock = clock;
	}

	@Override
	public HostingLocation locate(String urlOrHost) {
		String host = HostNames.hostOf(urlOrHost).orElseThrow(() -> new InvalidRequestException("url", "hosting.validation.url"));
		Instant now = Instant.now(clock);
		HostResolver.Answer answer = resolver.resolve(host);
		List<AddressLocation> addresses = new ArrayList<>();
		for (InetAddress address : answer.addresses()) {
			addresses.add(locate(address));
		}
		AddressLocation primary = addresses.stream().filter(a -> a.asn() != null).findFirst()
			.or(() -> addresses.stream().filter(a -> a.country() != null).findFirst())
			.orElse(null);
		HostingLocation.Resolution resolution = switch (answer.status()) {
			case RESOLVED -> HostingLocation.Resolution.RESOLVED;
			case NO_SUCH_HOST -> HostingLocation.Resolution.NO_SUCH_HOST;
			case FAILED -> HostingLocation.Resolution.FAILED;
		};
		if (primary == null) {
			return new HostingLocation(host, resolution, addresses, null, null, null, false, null, null, false, null,
					ContactSource.NONE, now);
		}
		Optional<CdnList.Cdn> cdn = cdns.byAsn(primary.asn());
		Optional<NetworkContacts.NetworkContact> contact = primary.asn() == null ? Optional.empty() : contacts.find(primary.asn());
		OrganisationId organisation = contact.map(NetworkContacts.NetworkContact::organisation).map(OrganisationId::new)
			.orElse(null);
		Optional<ContentRemovalDesks.ContentRemovalDesk> desk = organisation == null ? Optional.empty() : desks.of(organisation);
		String email = null;
		ContactSource source = ContactSource.NONE;
		if (desk.isPresent()) {
			email = desk.get().email() != null ? desk.get().email() : contact.map(NetworkContacts.NetworkContact::abuseEmail).orElse(null);
			source = ContactSource.PLATFORM_ORGANISATION;
		}
		else if (contact.isPresent() && contact.get().abuseEmail() != null) {
			email = contact.get().abuseEmail();
			source = organisation != null ? ContactSource.PLATFORM_ORGANISATION : ContactSource.OPERATOR_TABLE;
		}
		else if (organisation != null) {
			source = ContactSource.PLATFORM_ORGANISATION;
		}
		else if (cdn.isPresent()) {
			email = cdn.get().abuseEmail();
			source = ContactSource.CDN_LIST;
		}
		return new HostingLocation(host, resolution, addresses, primary.country(), primary.asn(), primary.networkOwner(),
				cdn.isPresent(), cdn.map(CdnList.Cdn::name).orElse(null), organisation, desk.isPresent(), email, source, now);
	}

	private AddressLocation locate(InetAddress address) {
		int version = address instanceof Inet4Address ? 4 : 6;
		String text = InetAddresses.toAddrString(address);
		if (NetworkAddresses.isPrivateOrReserved(address)) {
			return new AddressLocation(text, version, true, null, null, null, null);
		}
		IpLocations.Facts facts = ipLocations.of(address);
		return new AddressLocation(text, version, false, country(facts.country()), facts.asn(), facts.owner(),
				cdns.byAsn(facts.asn()).map(CdnList.Cdn::name).orElse(null));
	}

	private static @Nullable CountryCode country(@Nullable String code) {
		return code != null && CountryCode.isValid(code) ? CountryCode.of(code) : null;
	}
}
