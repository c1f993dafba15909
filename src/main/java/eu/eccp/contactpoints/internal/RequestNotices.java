package eu.eccp.contactpoints.internal;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import eu.eccp.contactpoints.RequestKind;
import eu.eccp.notifications.Notice;
import eu.eccp.notifications.Notifications;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/**
 * The notices of the 24/7 network. Titles name the kind, the reference and the requesting organisation,
 * never the facts or any personal data: notices leave the platform by e-mail and webhooks.
 */
@Component
class RequestNotices {

	private static final Map<RequestKind, String> KIND_NAMES = Map.of(RequestKind.PRESERVATION, "Preservation request",
			RequestKind.DISCLOSURE, "Traffic-data disclosure request", RequestKind.EMERGENCY,
			"EMERGENCY disclosure request", RequestKind.MUTUAL_ASSISTANCE, "Mutual-assistance request");

	private final Notifications notifications;

	RequestNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	/** The recipient learns of a new request; urgently when it is urgent (always for emergencies). */
	void sent(UrgentRequest request, String requesterName) {
		Notice notice = notice(request.recipient(), "request.received", request,
				title(request) + " from " + requesterName);
		notifications.send(request.urgent() ? notice.urgently() : notice);
	}

	/** The other party learns of a transition ({@code what}: acknowledged, started, fulfilled...). */
	void transition(UrgentRequest request, OrganisationId to, String what, String byName) {
		notifications.send(notice(to, "request." + what, request,
				title(request) + " " + what.replace('_', ' ') + " by " + byName).with("status", request.status().name()));
	}

	/**
	 * An overdue acknowledgement: the recipient's backup contact (the recipient organisation, addressed to
	 * the backup person when the directory names one) and every coordinator are told urgently, the
	 * requester plainly.
	 */
	void escalated(UrgentRequest request, String requesterName, @Nullable UserId backupPerson,
			List<OrganisationId> coordinators) {
		String title = "Overdue: " + title(request) + " from " + requesterName + " was not acknowledged in time";
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
		String title = title(request) + ": the preservation lapses soon; extend it if the data is still needed";
		for (OrganisationId party : List.of(request.requester(), request.recipient())) {
			notifications.send(notice(party, "request.preservation_expiring", request, title)
				.with("preservedUntil", String.valueOf(request.preservedUntil())));
		}
	}

	/** The other party: a new message in the thread (its content stays on the platform). */
	void message(UrgentRequest request, OrganisationId to, String fromName) {
		notifications.send(notice(to, "request.message", request, "New message on " + request.reference() + " from " + fromName));
	}

	static String title(UrgentRequest request) {
		return KIND_NAMES.get(request.kind()) + " " + request.reference();
	}

	private static Notice notice(OrganisationId to, String topic, UrgentRequest request, String title) {
		return Notice.to(to, topic, title.length() > 300 ? title.substring(0, 300) : title, "/requests/" + request.id())
			.with("requestId", request.id())
			.with("reference", request.reference())
			.with("kind", request.kind().name());
	}
}
