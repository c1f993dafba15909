package eu.eccp.contactpoints.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.contactpoints.PreservationRequests;
import eu.eccp.contactpoints.RequestId;
import eu.eccp.contactpoints.RequestKind;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;

/**
 * Opens an urgent preservation request for another module ({@link PreservationRequests}) through the one path
 * requests take ({@link RequestLifecycle#send}), and records what it was opened from.
 */
@Service
class ContentPreservations implements PreservationRequests {

	private final RequestLifecycle lifecycle;
	private final RequestRepository requests;
	private final Organisations organisations;

	ContentPreservations(RequestLifecycle lifecycle, RequestRepository requests, Organisations organisations) {
		this.lifecycle = lifecycle;
		this.requests = requests;
		this.organisations = organisations;
	}

	@Override
	@Transactional
	public SentRequest requestPreservation(CallerContext caller, ContentPreservation p) {
		String authority = organisations.find(caller.organisationId()).map(OrganisationView::name).orElse("");
		String custodian = organisations.find(p.custodian()).map(OrganisationView::name).orElse(p.custodian().toString());
		RequestDraft draft = new RequestDraft(p.custodian().toString(), RequestKind.PRESERVATION.name(), true, authority,
				p.offence(), p.facts(), p.dataSought(), p.relationToOffence(), custodian, p.necessity(), p.mlaFollowUp(), null, null,
				List.of(new IdentifierInput(IdentifierType.URL.name(), p.url(), null, null, null)));
		RequestViews.RequestView sent = lifecycle.send(caller, draft);
		requests.addOrigin(new RequestId(sent.id()), p.origin());
		return new SentRequest(new RequestId(sent.id()), sent.reference(), sent.acknowledgeDue());
	}
}
