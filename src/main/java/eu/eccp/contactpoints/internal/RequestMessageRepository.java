package eu.eccp.contactpoints.internal;

import static eu.eccp.shared.SqlTimes.at;
import static eu.eccp.shared.SqlTimes.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.eccp.contactpoints.RequestId;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;

/**
 * The message thread of urgent requests ({@code request_message}) and the files attached to messages
 * ({@code request_attachment}; the bytes are in {@link AttachmentFiles}). Reads for an organisation leave out the
 * TLP:RED messages of the other organisations.
 */
@Repository
class RequestMessageRepository {

	/** A message as stored, with its attachments. */
	record StoredMessage(UUID id, OrganisationId authorOrg, String authorName, Tlp tlp, String body, Instant createdAt,
			List<RequestViews.AttachmentView> attachments) {
	}

	private final JdbcClient jdbc;

	RequestMessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertMessage(UUID id, RequestId request, OrganisationId authorOrg, UserId author, String authorName, Tlp tlp,
			String body, Instant createdAt) {
		jdbc.sql("""
				INSERT INTO request_message (id, request_id, author_org, author_user, author_name, tlp, body, created_at)
				VALUES (:id, :request, :org, :user, :name, :tlp, :body, :now)""")
			.param("id", id)
			.param("request", request.value())
			.param("org", authorOrg.value())
			.param("user", author.value())
			.param("name", authorName)
			.param("tlp", tlp.name())
			.param("body", body)
			.param("now", at(createdAt))
			.update();
	}

	void insertAttachment(UUID message, RequestId request, AttachmentFiles.Stored file) {
		jdbc.sql("""
				INSERT INTO request_attachment (id, message_id, request_id, file_name, content_type, size_bytes, sha256)
				VALUES (:id, :message, :request, :name, :type, :size, :sha)""")
			.param("id", file.id())
			.param("message", message)
			.param("request", request.value())
			.param("name", file.fileName())
			.param("type", file.contentType())
			.param("size", file.size())
			.param("sha", file.sha256())
			.update();
	}

	/** The request's thread as {@code reader} may see it (its own messages and every message not TLP:RED), oldest first. */
	List<StoredMessage> thread(RequestId request, OrganisationId reader) {
		Map<UUID, List<RequestViews.AttachmentView>> attachments = new HashMap<>();
		jdbc.sql("SELECT * FROM request_attachment WHERE request_id = :id ORDER BY file_name")
			.param("id", request.value())
			.query(rs -> {
				attachments.computeIfAbsent(rs.getObject("message_id", UUID.class), k -> new ArrayList<>())
					.add(new RequestViews.AttachmentView(rs.getObject("id", UUID.class), rs.getString("file_name"),
							rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256")));
			});
		return jdbc.sql("""
				SELECT * FROM request_message WHERE request_id = :id AND (author_org = :org OR tlp <> 'RED')
				ORDER BY created_at, id""")
			.param("id", request.value())
			.param("org", reader.value())
			.query((rs, n) -> {
				UUID messageId = rs.getObject("id", UUID.class);
				return new StoredMessage(messageId, new OrganisationId(rs.getObject("author_org", UUID.class)),
						rs.getString("author_name"), Tlp.valueOf(rs.getString("tlp")), rs.getString("body"),
						instant(rs, "created_at"), attachments.getOrDefault(messageId, List.of()));
			})
			.list();
	}
}
