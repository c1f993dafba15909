package eu.eccp.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Background jobs that must run on one node at a time when several instances of the platform share one
 * PostgreSQL: a PostgreSQL advisory lock per job name, taken without waiting. A node that does not get it
 * skips that run, since another node is doing the work. The lock belongs to a database session, so it is
 * gone the moment its holder commits, or its node dies and the connection drops; no lease to guess, no table.
 */
@Component
public class ClusterLock {

	private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

	private final DataSource dataSource;
	private final JdbcClient jdbc;

	ClusterLock(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/**
	 * Takes the lock of {@code job} for the current transaction, unless another transaction (on any node)
	 * holds it; never waits. Released when the transaction ends.
	 *
	 * @return whether this transaction holds the lock and may do the job
	 * @throws IllegalStateException outside a transaction
	 */
	public boolean tryForTransaction(String job) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("the lock of " + job + " needs a transaction");
		}
		return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", key(job))
			.query(Boolean.class).single());
	}

	/**
	 * Runs {@code work} while holding the lock of {@code job}, unless another node runs it; never waits.
	 * For jobs made of several transactions: the lock is held on a connection of its own for the run.
	 *
	 * @return whether {@code work} ran here
	 */
	public boolean runExclusively(String job, Runnable work) {
		long key = key(job);
		try (Connection connection = dataSource.getConnection()) {
			if (!advisory(connection, "SELECT pg_try_advisory_lock(?)", key)) {
				log.debug("{} is running on another node; skipped here", job);
				return false;
			}
			try {
				work.run();
				return true;
			}
			finally {
				unlock(connection, key, job);
			}
		}
		catch (SQLException e) {
			throw new DataAccessResourceFailureException("could not take the lock of " + job, e);
		}
	}

	private void unlock(Connection connection, long key, String job) {
		try {
			if (advisory(connection, "SELECT pg_advisory_unlock(?)", key)) {
				return;
			}
		}
		catch (SQLException e) {
			log.warn("could not release the lock of {}: {}", job, e.toString());
		}
		// a connection that may still hold the lock must not go back to the pool
		try {
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
			}
			else {
				connection.abort(Runnable::run);
			}
		}
		catch (SQLException e) {
			log.warn("could not discard the connection holding the lock of {}: {}", job, e.toString());
		}
	}

	private static boolean advisory(Connection connection, String sql, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	/** The job's 64-bit lock key: the first eight bytes of the SHA-256 of its name, the same on every node. */
	static long key(String job) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(("eccp.job:" + job).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
