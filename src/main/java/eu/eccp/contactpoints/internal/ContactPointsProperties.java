package eu.eccp.contactpoints.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import eu.eccp.contactpoints.RequestKind;

/**
 * Options of the 24/7 network ({@code eccp.contactpoints.*}). Deadlines are given per request kind, e.g.
 * {@code eccp.contactpoints.acknowledge-within.emergency=30m}; kinds not given keep their default.
 *
 * @param acknowledgeWithin how soon the recipient must acknowledge a request of normal urgency (defaults:
 *        emergency 1h, preservation 24h, disclosure 24h, mutual assistance 72h)
 * @param urgentAcknowledgeWithin the same for requests marked urgent (defaults: emergency 1h, preservation
 *        4h, disclosure 4h, mutual assistance 24h)
 * @param fulfilWithin how soon a request should be fulfilled (defaults: emergency 4h, preservation 72h,
 *        disclosure 7d, mutual assistance 30d); shown as a deadline, not escalated
 * @param preservationPeriod how long preserved data is kept from acknowledgement (renewed on fulfilment)
 * @param extensionPeriod how much one extension of a preservation adds
 * @param reminderBefore how long before a preservation lapses both sides are reminded
 * @param coordinators short names of the organisations told when a request escalates; empty means every
 *        EU body (e.g. Europol)
 * @param maxAttachmentSize the largest file accepted in a request's message thread
 * @param checkInterval how often overdue acknowledgements and lapsing preservations are looked for
 */
@ConfigurationProperties("eccp.contactpoints")
public record ContactPointsProperties(@DefaultValue Map<RequestKind, Duration> acknowledgeWithin,
		@DefaultValue Map<RequestKind, Duration> urgentAcknowledgeWithin,
		@DefaultValue Map<RequestKind, Duration> fulfilWithin, @DefaultValue("90d") Duration preservationPeriod,
		@DefaultValue("90d") Duration extensionPeriod, @DefaultValue("14d") Duration reminderBefore,
		@DefaultValue List<String> coordinators, @DefaultValue("25MB") DataSize maxAttachmentSize,
		@DefaultValue("1m") Duration checkInterval) {

	public ContactPointsProperties {
		acknowledgeWithin = withDefaults(acknowledgeWithin, Duration.ofHours(1), Duration.ofHours(24),
				Duration.ofHours(24), Duration.ofHours(72));
		urgentAcknowledgeWithin = withDefaults(urgentAcknowledgeWithin, Duration.ofHours(1), Duration.ofHours(4),
				Duration.ofHours(4), Duration.ofHours(24));
		fulfilWithin = withDefaults(fulfilWithin, Duration.ofHours(4), Duration.ofHours(72), Duration.ofDays(7),
				Duration.ofDays(30));
		coordinators = List.copyOf(coordinators);
	}

	private static Map<RequestKind, Duration> withDefaults(Map<RequestKind, Duration> given, Duration emergency,
			Duration preservation, Duration disclosure, Duration mutualAssistance) {
		Map<RequestKind, Duration> all = new EnumMap<>(RequestKind.class);
		all.put(RequestKind.EMERGENCY, emergency);
		all.put(RequestKind.PRESERVATION, preservation);
		all.put(RequestKind.DISCLOSURE, disclosure);
		all.put(RequestKind.MUTUAL_ASSISTANCE, mutualAssistance);
		all.putAll(given);
		return Map.copyOf(all);
	}

	Duration acknowledgeWithin(RequestKind kind, boolean urgent) {
		return (urgent ? urgentAcknowledgeWithin : acknowledgeWithin).get(kind);
	}

	Duration fulfilWithin(RequestKind kind) {
		return fulfilWithin.get(kind);
	}
}
