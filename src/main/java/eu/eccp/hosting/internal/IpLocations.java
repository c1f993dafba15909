package eu.eccp.hosting.internal;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.google.common.net.InetAddresses;

/**
 * Looks addresses up in the imported IP data ({@link IpRangeRepository}). Per dataset, the range holding an address
 * is the one with the greatest start not after it, kept if its end is not before the address. When several datasets
 * hold the address, the smallest range wins (the most specific statement), and among ranges of the same size the
 * latest import.
 */
@Component
class IpLocations {

	private final IpRangeRepository ranges;

	IpLocations(IpRangeRepository ranges) {
		this.ranges = ranges;
	}

	/** What the data says about an address. */
	record Facts(@Nullable String country, @Nullable Long asn, @Nullable String owner) {
	}

	@Transactional(readOnly = true)
	Facts of(InetAddress address) {
		String ip = InetAddresses.toAddrString(address);
		Optional<IpRangeRepository.Hit> country = best(ranges.countryRangesHolding(ip));
		Optional<IpRangeRepository.Hit> asn = best(ranges.asnRangesHolding(ip));
		return new Facts(country.map(IpRangeRepository.Hit::value).orElse(null),
				asn.map(IpRangeRepository.Hit::asn).orElse(null),
				asn.map(IpRangeRepository.Hit::value).filter(owner -> !owner.isEmpty()).orElse(null));
	}

	private static Optional<IpRangeRepository.Hit> best(List<IpRangeRepository.Hit> hits) {
		return hits.stream()
			.min(Comparator.comparing(IpRangeRepository.Hit::size)
				.thenComparing(IpRangeRepository.Hit::importedAt, Comparator.reverseOrder()));
	}

	/** Whether any IP data was imported. */
	@Transactional(readOnly = true)
	boolean empty() {
		return ranges.empty();
	}
}
