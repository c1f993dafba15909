package eu.eccp.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the audit trail's hash chain.
 *
 * @param intact whether every entry is unchanged and none is missing
 * @param entriesChecked how many entries were read
 * @param firstBrokenSeq the sequence number where the chain first breaks, if it does
 * @param problem what is wrong there, in plain words
 */
public record ChainVerification(boolean intact, long entriesChecked, @Nullable Long firstBrokenSeq,
		@Nullable String problem, Instant verifiedAt) {

	public static ChainVerification ok(long checked) {
		return new ChainVerification(true, checked, null, null, Instant.now());
	}

	public static ChainVerification broken(long checked, long seq, String problem) {
		return new ChainVerification(false, checked, seq, problem, Instant.now());
	}
}
