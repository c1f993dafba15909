package eu.eccp.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.cases.CaseId;
import eu.eccp.cases.CaseShared;
import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;

/** The owning unit invites other units (national units, 24/7 points, EU bodies); they accept or decline. */
@Service
public class CaseMembers {

	private final CaseRepository cases;
	private final CaseAccess access;
	private final CaseTimeline timeline;
	private final Organisations organisations;
	private final Notifications notifications;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseMembers(CaseRepository cases, CaseAccess access, CaseTimeline timeline, Organisations organisations,
			Notifications notifications, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.access = access;
		this.timeline = timeline;
		this.organisations = organisations;
		this.notifications = notifications;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Invites a unit, given by id or short name (e.g. {@code de-unit}). A unit that declined may be invited
	 * again; one already invited or a member may not.
	 */
	@Transactional
	public Membership invite(CallerContext caller, CaseId caseId, @Nullable String organisation, @Nullable String note) {
		// every change of membership or state locks the case row first, so that two at once are serialised
		cases.lock(caseId);
		CaseFile file = access.owner(caller, caseId).file();
		OrganisationView unit = findOrganisation(organisation)
			.orElseThrow(() -> new InvalidRequestException("organisation", "validation.caseOrganisation"));
		file.requireShareableWith(unit);
		String message = note == null || note.isBlank() ? null : note.strip();
		if (message != null && message.length() > 2_000) {
			throw new InvalidRequestException("note", "validation.tooLong");
		}
		Instant now = clock.instant();
		Membership invitation = cases.membership(caseId, unit.id())
			.map(existing -> existing.reinvite(caller.userId(), now, message))
			.orElseGet(() -> new Membership(caseId, unit.id(), Membership.Status.INVITED, caller.userId(), now, message, null,
					null));
		cases.insertMember(invitation);
		timeline.record(caseId, "member.invited", unit.name(), file.tlp(), caller, now);
		cases.touch(caseId, now);
		audit.record(AuditEvent.of("case.invited", "case", caseId.value()).withDetail("organisation=" + unit.id()));
		String owner = organisations.find(file.owner()).map(OrganisationView::name).orElse("?");
		notifications.send(Notice.to(unit.id(), "case.invitation",
				owner + " invites you to case " + file.reference(), "/cases/" + caseId)
			.with("caseId", caseId)
			.with("reference", file.reference()));
		return invitation;
	}

	@Transactional
	public Membership accept(CallerContext caller, CaseId caseId) {
		cases.lock(caseId);
		CaseAccess.Access invited = access.invitee(caller, caseId);
		invited.file().requireOpen();
		Instant now = clock.instant();
		Membership accepted = invited.membership().accept(caller.userId(), now);
		cases.answer(accepted);
		timeline.record(caseId, "member.joined", name(caller.organisationId()), invited.file().tlp(), caller, now);
		cases.touch(caseId, now);
		audit.record(AuditEvent.of("case.invitation-accepted", "case", caseId.value()));
		events.publishEvent(new CaseShared(caseId, caller.organisationId()));
		notifications.send(Notice.to(invited.file().owner(), "case.invitation_accepted",
				name(caller.organisationId()) + " joined case " + invited.file().reference(), "/cases/" + caseId)
			.with("caseId", caseId));
		return accepted;
	}

	@Transactional
	public Membership decline(CallerContext caller, CaseId caseId) {
		cases.lock(caseId);
		CaseAccess.Access invited = access.invitee(caller, caseId);
		Instant now = clock.instant();
		Membership declined = invited.membership().decline(caller.userId(), now);
		cases.answer(declined);
		timeline.record(caseId, "member.declined", name(caller.organisationId()), invited.file().tlp(), caller, now);
		audit.record(AuditEvent.of("case.invitation-declined", "case", caseId.value()));
		notifications.send(Notice.to(invited.file().owner(), "case.invitation_declined",
				name(caller.organisationId()) + " declined case " + invited.file().reference(), "/cases/" + caseId)
			.with("caseId", caseId));
		return declined;
	}

	/**
	 * The owner granted a unit access to the case after a cross-border hit (an access request in
	 * correlation): the unit becomes a member. Nothing happens for a closed or TLP:RED case, or for an
	 * organisation that is not a public authority; a replay changes nothing.
	 */
	@org.springframework.modulith.events.ApplicationModuleListener
	void on(eu.eccp.correlation.RecordAccessGranted event) {
		if (!event.sourceKind().equals(CaseSightings.SOURCE_KIND)) {
			return;
		}
		CaseId caseId = new CaseId(event.sourceId());
		CaseFile file = cases.lock(caseId).orElse(null);
		OrganisationView unit = organisations.find(event.grantee()).orElse(null);
		if (file == null || unit == null || !file.isOpen() || file.tlp() == eu.eccp.shared.Tlp.RED
				|| !unit.type().isPublicAuthority()
				|| cases.membership(caseId, unit.id()).map(Membership::isMember).orElse(false)) {
			return;
		}
		Instant now = clock.instant();
		cases.insertMember(new Membership(caseId, unit.id(), Membership.Status.ACCEPTED, null, now,
				"Access granted after a cross-border hit", null, now));
		timeline.recordBySystem(caseId, "member.granted", unit.name(), file.tlp(), file.owner(), now);
		audit.record(AuditEvent.of("case.access-granted", "case", caseId.value()).withDetail("organisation=" + unit.id()));
		notifications.send(Notice.to(unit.id(), "case.access_granted",
				"Access granted to case " + file.reference(), "/cases/" + caseId).with("caseId", caseId));
	}

	/** Units the owner may invite (public authorities, not the owner, not yet members or invited). */
	@Transactional(readOnly = true)
	public java.util.List<OrganisationView> invitable(CallerContext caller, CaseId caseId) {
		CaseAccess.Access owner = access.owner(caller, caseId);
		java.util.Set<OrganisationId> taken = new java.util.HashSet<>();
		for (Membership m : cases.members(caseId)) {
			if (m.status() != Membership.Status.DECLINED) {
				taken.add(m.organisation());
			}
		}
		return java.util.stream.Stream.of(eu.eccp.organisations.OrganisationType.values())
			.filter(eu.eccp.organisations.OrganisationType::isPublicAuthority)
			.flatMap(type -> organisations.findByType(type).stream())
			.filter(o -> !taken.contains(o.id()) && !o.id().equals(owner.file().owner()))
			.sorted(java.util.Comparator.comparing((OrganisationView o) -> o.country().value()).thenComparing(OrganisationView::name))
			.toList();
	}

	private Optional<OrganisationView> findOrganisation(@Nullable String organisation) {
		if (organisation == null || organisation.isBlank()) {
			return Optional.empty();
		}
		String key = organisation.strip();
		try {
			return organisations.find(new OrganisationId(UUID.fromString(key)));
		}
		catch (IllegalArgumentException notAnId) {
			return organisations.findByShortName(key);
		}
	}

	String name(OrganisationId organisation) {
		return organisations.find(organisation).map(OrganisationView::name).orElse("?");
	}
}
