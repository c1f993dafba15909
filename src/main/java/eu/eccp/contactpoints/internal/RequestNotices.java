package eu.eccp.contactpoints.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/**
 * The notices of the 24/7 network. Titles ({@code notice.request.*} messages, in each reader's language)
 * name the kind ({0}), the reference ({1}) and the other organisation ({2}), never the facts or any
 * personal data: notices leave the platform by e-mail and webhooks.
 */
@Component
class RequestNotices {

	private final Notifications notifications;

	RequestNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	/** The recipient learns of a new request; urgently when it is urgent (always for emergencies). */
	void sent(UrgentRequest request, String requesterName) {
		Notice notice = notice(request.recipient(), "request.received", request, requesterName);
		notifications.send(request.urgent() ? notice.urgently() : notice);
	}

	/** The other party learns of a transition ({@code what}: acknowledged, started, fulfilled...). */
	void transition(UrgentRequest request, OrganisationId to, String what, String byName) {
		notifications.send(notice(to, "request." + what, request, byName).with("status", request.status().name()));
	}

	/**
	 * An overdue acknowledgement: the recipient's backup contact (the recipient organisation, addressed to
	 * the backup person when the directory names one) and every coordinator are told urgently, the
	 * requester plainly.
	 */
	void escalated(UrgentRequest request, String requesterName, @Nullable UserId backupPerson,
			List<OrganisationId> coordinators) {
		String title = requesterName;
		Notice toRecipient = notice(request.recipient(), "request.escalated", request, title).urgently().with("role",
				"backup");
		notifications.send(backupPerson == null ? toRecipient : toRecipient.forPerson(backupPerson));
		for (OrganisationId coordinator : coordinators) {
			if (!coordinator.equals(request.recipient()) && !coordinator.equals(request.requester())) {
				notifications.send(notice(coordinator, "request.escalated", request, title).urgently().with("role",
						"coordinator"));
			}
		}
		notifications.send(notice(request.requester(), "request.escalated", request, title).with("role", "requester"));
	}

	/** Both parties: the preservation lapses soon. */
	void preservationExpiring(UrgentRequest request) {
		String title = "";
		for (OrganisationId party : List.of(request.requester(), request.recipient())) {
			notifications.send(notice(party, "request.preservation_expiring", request, title)
				.with("preservedUntil", String.valueOf(request.preservedUntil())));
		}
	}

	/** The other party: a new message in the thread (its content stays on the platform). */
	void message(UrgentRequest request, OrganisationId to, String fromName) {
		notifications.send(notice(to, "request.message", request, fromName));
	}

	/** A notice whose title reads the request's kind, its reference and the other organisation's name. */
	private static Notice notice(OrganisationId to, String topic, UrgentRequest request, String otherOrganisation) {
		return Notice.of(to, topic, "/requests/" + request.id(), request.kind(), request.reference(), otherOrganisation)
			.with("requestId", request.id())
			.with("reference", request.reference())
			.with("kind", request.kind().name());
	}
}
