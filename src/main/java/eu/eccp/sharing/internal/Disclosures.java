package eu.eccp.sharing.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import eu.eccp.audit.AuditActor;
import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.shared.CallerContext;

/**
 * Records every disclosure: which objects (the UUID part of their STIX ids) went to whom, when, under which agreement
 * and through which channel, in {@code sharing_disclosure}, with one audit entry naming it (personal data when values
 * of personal types left in clear).
 */
@Component
class Disclosures {

	private final DisclosureRepository disclosures;
	private final AuditTrail audit;
	private final Clock clock;

	Disclosures(DisclosureRepository disclosures, AuditTrail audit, Clock clock) {
		this.disclosures = disclosures;
		this.audit = audit;
		this.clock = clock;
	}

	void record(CallerContext recipient, Agreement agreement, String channel, List<String> stixIds, boolean clearPersonal) {
		if (stixIds.isEmpty()) {
			return;
		}
		UUID id = UUID.randomUUID();
		disclosures.insert(new DisclosureRepository.Disclosure(id, agreement.id(), recipient.organisationId().value(),
				recipient.userId().value(), channel, clock.instant(), clearPersonal,
				stixIds.stream().map(s -> UUID.fromString(s.substring(s.indexOf("--") + 2))).toList()));
		AuditEvent event = AuditEvent.of("sharing.disclosed", "sharing-agreement", agreement.id())
			.withDetail("disclosure=" + id + " channel=" + channel + " objects=" + stixIds.size());
		audit.record(AuditActor.of(recipient), clearPersonal ? event.personal() : event);
	}
}
