package eu.eccp.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/** Instants to and from {@code TIMESTAMP WITH TIME ZONE} columns, the same way in every repository. */
public final class SqlTimes {

	private SqlTimes() {
	}

	/** A query parameter for an instant (null stays null). */
	public static @Nullable OffsetDateTime at(@Nullable Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** The instant in a column, or null. */
	public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
