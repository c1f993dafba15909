package eu.eccp.takedown.internal;

import java.util.Locale;
import java.util.Optional;

/** A hash of a medium (never the medium): MD5, SHA-1, SHA-256 as lower-case hex, PDQ as 64 hex digits. */
public record MediaHash(Algorithm algorithm, String value) {

	public enum Algorithm {
		MD5(32), SHA1(40), SHA256(64), PDQ(64);

		final int hexDigits;

		Algorithm(int hexDigits) {
			this.hexDigits = hexDigits;
		}

		static Optional<Algorithm> parse(String text) {
			String normal = text.strip().toUpperCase(Locale.ROOT).replace("-", "");
			try {
				return Optional.of(valueOf(normal));
			}
			catch (IllegalArgumentException e) {
				return Optional.empty();
			}
		}
	}

	/** The hash if the value has the algorithm's length in hex digits. */
	static Optional<MediaHash> of(Algorithm algorithm, String value) {
		String hex = value.strip().toLowerCase(Locale.ROOT);
		if (hex.length() != algorithm.hexDigits || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
			return Optional.empty();
		}
		return Optional.of(new MediaHash(algorithm, hex));
	}
}
