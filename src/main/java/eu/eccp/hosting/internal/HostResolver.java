package eu.eccp.hosting.internal;

import java.net.InetAddress;
import java.util.List;

/** Resolves host names to addresses through the resolver the operator configured. */
interface HostResolver {

	/** The host's addresses (IPv4 first), or why there are none. An address literal resolves to itself. */
	Answer resolve(String host);

	record Answer(Status status, List<InetAddress> addresses) {

		public Answer {
			addresses = List.copyOf(addresses);
		}

		static Answer of(List<InetAddress> addresses) {
			return new Answer(addresses.isEmpty() ? Status.NO_SUCH_HOST : Status.RESOLVED, addresses);
		}
	}

	@eu.eccp.shared.Labelled(shown = false)
	enum Status {
		RESOLVED, NO_SUCH_HOST, FAILED
	}
}
