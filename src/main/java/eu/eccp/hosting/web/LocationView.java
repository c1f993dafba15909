package eu.eccp.hosting.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.hosting.HostingLocation;
import eu.eccp.shared.CountryCode;

/** {@link HostingLocation} as JSON: countries as ISO codes, the organisation as its id. */
record LocationView(String host, String resolution, List<AddressView> addresses, @Nullable String country,
		@Nullable Long asn, @Nullable String networkOwner, boolean behindCdn, @Nullable String cdnName,
		@Nullable UUID platformOrganisation, boolean contentRemovalDesk, @Nullable String abuseEmail,
		String contactSource, boolean hostedInEu, Instant resolvedAt) {

	record AddressView(String address, int version, boolean reserved, @Nullable String country, @Nullable Long asn,
			@Nullable String networkOwner, @Nullable String cdnName) {
	}

	static LocationView of(HostingLocation location) {
		return new LocationView(location.host(), location.resolution().name(),
				location.addresses().stream().map(a -> new AddressView(a.address(), a.version(), a.reserved(), code(a.country()),
						a.asn(), a.networkOwner(), a.cdnName())).toList(),
				code(location.country()), location.asn(), location.networkOwner(), location.behindCdn(), location.cdnName(),
				location.platformOrganisation() == null ? null : location.platformOrganisation().value(),
				location.contentRemovalDesk(), location.abuseEmail(), location.contactSource().name(), location.hostedInEu(),
				location.resolvedAt());
	}

	private static @Nullable String code(@Nullable CountryCode country) {
		return country == null ? null : country.value();
	}
}
