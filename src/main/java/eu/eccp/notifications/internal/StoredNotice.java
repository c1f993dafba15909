package eu.eccp.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.SqlTimes;
import eu.eccp.shared.UserId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A notice as stored, read by the delivery channels. */
record StoredNotice(UUID id, OrganisationId recipient, @Nullable UserId person, String topic, String title, String link,
		boolean urgent, Map<String, String> data, Instant createdAt, @Nullable String titleKey, List<String> titleArguments) {

	private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> ARGUMENTS = new TypeReference<>() {
	};

	static StoredNotice of(ResultSet rs, JsonMapper json) throws SQLException {
		UUID person = rs.getObject("recipient_user", UUID.class);
		return new StoredNotice(rs.getObject("id", UUID.class), new OrganisationId(rs.getObject("recipient_org", UUID.class)),
				person == null ? null : new UserId(person), rs.getString("topic"), rs.getString("title"), rs.getString("link"),
				rs.getBoolean("urgent"), data(json, rs.getString("data")), SqlTimes.instant(rs, "created_at"),
				rs.getString("title_key"), arguments(json, rs.getString("title_arguments")));
	}

	static List<String> arguments(JsonMapper json, @Nullable String text) {
		return text == null || text.isBlank() ? List.of() : json.readValue(text, ARGUMENTS);
	}

	/** The title in a reader's language. */
	String title(NoticeTitles titles, java.util.Locale locale) {
		return titles.render(titleKey, titleArguments, title, locale);
	}

	static Map<String, String> data(JsonMapper json, @Nullable String text) {
		return text == null || text.isBlank() ? Map.of() : json.readValue(text, DATA);
	}
}
