package eu.eccp.audit.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the audit trail's hash chain, and the chain against its signed checkpoints.
 *
 * @param intact whether every entry is unchanged, none is missing, and every signed checkpoint still holds
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the sequence number where the chain first breaks, if it does
 * @param problem what is wrong there, in plain words
 * @param checkpointsChecked how many signed checkpoints (kept outside the database) the chain was checked against
 */
public record ChainVerification(boolean intact, long entriesChecked, @Nullable Long firstBrokenSeq,
		@Nullable String problem, long checkpointsChecked, Instant verifiedAt) {

	public static ChainVerification ok(long checked, long checkpoints) {
		return new ChainVerification(true, checked, null, null, checkpoints, Instant.now());
	}

	public static ChainVerification broken(long checked, long seq, String problem, long checkpoints) {
		return new ChainVerification(false, checked, seq, problem, checkpoints, Instant.now());
	}
}
