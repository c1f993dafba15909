package eu.eccp.organisations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.eccp.shared.UserId;

class SecondFactorCipherTests {

	@TempDir
	Path dataDir;

	SecondFactorCipher cipher() {
		return new SecondFactorCipher(new AccountsProperties(Duration.ofHours(8), Duration.ofDays(365),
				Duration.ofDays(365), 12, 5, 20, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(15), false,
				null), dataDir);
	}

	@Test
	void aSecretDecryptsForItsAccountWithTheKeyCreatedOwnerOnlyInTheDataDirectory() throws Exception {
		UserId account = new UserId(UUID.randomUUID());
		byte[] secret = Totp.newSecret();

		byte[] stored = cipher().encrypt(account, secret);

		assertThat(java.util.HexFormat.of().formatHex(stored)).doesNotContain(java.util.HexFormat.of().formatHex(secret));
		assertThat(cipher().decrypt(account, stored)).isEqualTo(secret);
		Path key = dataDir.resolve("accounts/second-factor.key");
		assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void theSameSecretIsStoredDifferentlyEachTime() {
		UserId account = new UserId(UUID.randomUUID());
		byte[] secret = Totp.newSecret();

		assertThat(cipher().encrypt(account, secret)).isNotEqualTo(cipher().encrypt(account, secret));
	}

	@Test
	void aSecretCopiedToAnotherAccountDoesNotDecrypt() {
		byte[] stored = cipher().encrypt(new UserId(UUID.randomUUID()), Totp.newSecret());

		assertThatThrownBy(() -> cipher().decrypt(new UserId(UUID.randomUUID()), stored))
			.isInstanceOf(IllegalStateException.class);
	}
}
