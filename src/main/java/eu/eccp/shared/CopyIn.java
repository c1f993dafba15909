package eu.eccp.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Rows written with one PostgreSQL {@code COPY ... FROM STDIN} (text format) on the transaction's connection:
 * the bulk paths' way to store many rows, which PostgreSQL takes without parsing, planning and binding a
 * statement per batch. A failure (a unique key taken, a value the column refuses) is translated as a failing
 * statement would be ({@link org.springframework.dao.DuplicateKeyException} and the like); a copy that fails
 * half way (the producer throws) is cancelled: {@code COPY} is one statement, so either every row is stored or
 * none.
 */
@Component
public class CopyIn {

	private static final SQLStateSQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

	private final DataSource dataSource;

	public CopyIn(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Writes one row's fields, in the order of the columns given to {@link #copy}. */
	@FunctionalInterface
	public interface RowWriter<T> {

		void write(T item, Row row);
	}

	/** Hands the items to copy, one at a time, as it reads them (a file, say), so that none is held. */
	@FunctionalInterface
	public interface RowSource<T> {

		void writeTo(Consumer<T> sink) throws IOException;
	}

	/**
	 * Copies {@code items} into {@code table}'s {@code columns} (comma-separated, as in SQL), one row per item;
	 * returns how many rows PostgreSQL took.
	 */
	public <T> long copy(String table, String columns, List<T> items, RowWriter<? super T> writer) {
		if (items.isEmpty()) {
			return 0;
		}
		return copy(table, columns, items::forEach, writer);
	}

	/**
	 * Copies the items {@code source} hands over, streaming, one row each; returns how many rows PostgreSQL took.
	 *
	 * @throws UncheckedIOException when the source cannot read its input (nothing of the copy is stored)
	 */
	public <T> long copy(String table, String columns, RowSource<T> source, RowWriter<? super T> writer) {
		String sql = "COPY " + table + " (" + columns + ") FROM STDIN";
		Connection connection = DataSourceUtils.getConnection(dataSource);
		PGCopyOutputStream stream = null;
		try {
			stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
			Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
			Row row = new Row(out);
			source.writeTo(item -> {
				writer.write(item, row);
				row.end();
			});
			out.flush();
			long rows = stream.endCopy();
			stream = null;
			return rows;
		}
		catch (IOException | UncheckedIOException e) {
			SQLException cause = sqlCause(e);
			if (cause != null) {
				throw translate(sql, cause);
			}
			throw e instanceof UncheckedIOException unchecked ? unchecked : new UncheckedIOException((IOException) e);
		}
		catch (SQLException e) {
			throw translate(sql, e);
		}
		finally {
			if (stream != null) {
				cancel(stream);
			}
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** A copy that failed half way is cancelled, so that none of its rows is stored. */
	private static void cancel(PGCopyOutputStream stream) {
		try {
			if (stream.isActive()) {
				stream.cancelCopy();
			}
		}
		catch (SQLException e) {
			// the copy failed already: PostgreSQL ended it
		}
	}

	private static @Nullable SQLException sqlCause(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

	private static DataAccessException translate(String sql, SQLException e) {
		DataAccessException translated = TRANSLATOR.translate("COPY", sql, e);
		return translated != null ? translated : new DataIntegrityViolationException(sql, e);
	}

	/**
	 * One row of a {@code COPY} in text format: fields apart by tabs, {@code \N} for null, and the characters
	 * the format reserves (backslash, tab, line breaks) escaped; a NUL character, which no PostgreSQL text holds,
	 * is left out.
	 */
	public static final class Row {

		private final Writer out;
		private boolean first = true;

		private Row(Writer out) {
			this.out = out;
		}

		public Row text(@Nullable String value) {
			separate();
			if (value == null) {
				write("\\N");
			}
			else {
				escaped(value);
			}
			return this;
		}

		public Row uuid(@Nullable UUID value) {
			return plain(value == null ? null : value.toString());
		}

		public Row number(@Nullable Number value) {
			return plain(value == null ? null
					: value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
		}

		public Row bool(boolean value) {
			return plain(value ? "t" : "f");
		}

		/** A {@code TIMESTAMP WITH TIME ZONE}, written in UTC. */
		public Row instant(@Nullable Instant value) {
			return plain(value == null ? null : value.toString());
		}

		/** A {@code TEXT[]}: every element quoted. */
		public Row textArray(Collection<String> values) {
			StringBuilder literal = new StringBuilder(values.size() * 8 + 2).append('{');
			for (String value : values) {
				if (literal.length() > 1) {
					literal.append(',');
				}
				literal.append('"');
				for (int i = 0; i < value.length(); i++) {
					char c = value.charAt(i);
					if (c == '"' || c == '\\') {
						literal.append('\\');
					}
					literal.append(c);
				}
				literal.append('"');
			}
			return text(literal.append('}').toString());
		}

		private Row plain(@Nullable String value) {
			separate();
			write(value == null ? "\\N" : value);
			return this;
		}

		private void separate() {
			if (!first) {
				write("\t");
			}
			first = false;
		}

		private void end() {
			write("\n");
			first = true;
		}

		private void escaped(String value) {
			try {
				int from = 0;
				for (int i = 0; i < value.length(); i++) {
					char c = value.charAt(i);
					String escape = switch (c) {
						case '\\' -> "\\\\";
						case '\t' -> "\\t";
						case '\n' -> "\\n";
						case '\r' -> "\\r";
						case '\0' -> "";
						default -> null;
					};
					if (escape != null) {
						out.write(value, from, i - from);
						out.write(escape);
						from = i + 1;
					}
				}
				out.write(value, from, value.length() - from);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		private void write(String s) {
			try {
				out.write(s);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
