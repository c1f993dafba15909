package eu.eccp.contactpoints.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.audit.AuditEvent;
import eu.eccp.audit.AuditTrail;
import eu.eccp.contactpoints.RequestId;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.InvalidRequestException;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.RecordNotFoundException;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.Upload;

/**
 * The message thread of an urgent request between its two parties, with files: TLP:RED messages stay within the
 * author's organisation (nobody else, not even oversight, reads them). Reading the thread and downloading a file
 * are audited; a message not TLP:RED is told to the other party.
 */
@Service
public class RequestThread {

	/** An attachment to stream to the caller, if they may see its message. */
	public record AttachmentDownload(RequestViews.AttachmentView attachment, InputStream content) {
	}

	private final RequestAccess access;
	private final RequestMessageRepository messages;
	private final RequestPresentation presentation;
	private final RequestNotices notices;
	private final AttachmentFiles files;
	private final AuditTrail audit;
	private final Clock clock;

	RequestThread(RequestAccess access, RequestMessageRepository messages, RequestPresentation presentation,
			RequestNotices notices, AttachmentFiles files, AuditTrail audit, Clock clock) {
		this.access = access;
		this.messages = messages;
		this.presentation = presentation;
		this.notices = notices;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public List<RequestViews.MessageView> messages(CallerContext caller, RequestId id) {
		access.visible(caller, id);
		audit.record(AuditEvent.of("request.messages_viewed", "urgent_request", id));
		return thread(caller, id);
	}

	/** Adds a message (with files) to the thread; TLP:RED messages stay within the author's organisation. */
	@Transactional
	public RequestViews.MessageView post(CallerContext caller, RequestId id, @Nullable String body, @Nullable String tlp,
			List<Upload> uploads) {
		UrgentRequest request = access.party(caller, id);
		// the people who work the request on their side write to its thread, not every account of the organisation
		caller.requireAny(request.requester().equals(caller.organisationId()) ? RequestAccess.SENDERS : RequestAccess.HANDLERS);
		Map<String, String> errors = new LinkedHashMap<>();
		String text = body == null ? "" : body.strip();
		if (text.isEmpty() || text.length() > UrgentRequests.LIMITS.get("body")) {
			errors.put("body", "validation.request.messageBody");
		}
		Tlp marking = Tlp.AMBER;
		if (tlp != null && !tlp.isBlank()) {
			try {
				marking = Tlp.parse(tlp);
			}
			catch (IllegalArgumentException e) {
				errors.put("tlp", "validation.request.tlp");
			}
		}
		if (uploads.size() > 10) {
			errors.put("files", "validation.request.tooManyFiles");
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		UUID messageId = UUID.randomUUID();
		messages.insertMessage(messageId, id, caller.organisationId(), caller.userId(), caller.username(), marking, text,
				UrgentRequest.now(clock));
		// a file whose row is not committed (a later failure rolls the message back) is deleted again
		List<AttachmentFiles.Stored> stored = new ArrayList<>();
		for (Upload upload : uploads) {
			AttachmentFiles.Stored file = files.store(id.value(), upload);
			stored.add(file);
			files.deleteOnRollback(id.value(), file);
			messages.insertAttachment(messageId, id, file);
		}
		audit.record(AuditEvent.of("request.message_posted", "urgent_request", id)
			.withDetail("message=" + messageId + " tlp=" + marking.name() + " files=" + stored.size()));
		if (marking != Tlp.RED) {
			OrganisationId other = request.otherParty(caller.organisationId());
			notices.message(request, other, presentation.name(caller.organisationId()));
		}
		return thread(caller, id).stream().filter(m -> m.id().equals(messageId)).findFirst().orElseThrow();
	}

	@Transactional
	public AttachmentDownload download(CallerContext caller, RequestId id, UUID attachmentId) {
		access.visible(caller, id);
		RequestViews.AttachmentView attachment = thread(caller, id).stream()
			.flatMap(m -> m.attachments().stream())
			.filter(a -> a.id().equals(attachmentId))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("attachment"));
		audit.record(AuditEvent.of("request.attachment_downloaded", "urgent_request", id)
			.withDetail("attachment=" + attachmentId));
		try {
			return new AttachmentDownload(attachment, files.open(id.value(), attachmentId));
		}
		catch (IOException e) {
			throw new RecordNotFoundException("attachment");
		}
	}

	private List<RequestViews.MessageView> thread(CallerContext caller, RequestId id) {
		Map<OrganisationId, RequestViews.Party> parties = new HashMap<>();
		return messages.thread(id, caller.organisationId()).stream()
			.map(message -> presentation.message(message, parties))
			.toList();
	}
}
