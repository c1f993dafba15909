package eu.eccp.organisations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows password guessing without letting anyone lock an account: failed logins are counted per account
 * name (known or not, so the answer never tells which accounts exist) and per client address. After the
 * free attempts, each further attempt must wait {@code base × 2^(failures − free)}, at most the cap; the
 * account's cap is short (a minute by default), so an attacker can delay a 24/7 officer by that much at
 * most, never lock them out. Attempts made too early are refused without checking the password and not
 * counted. A successful login clears the account's count, not the client's. Counts live in memory per node
 * and are forgotten a day after the last failure.
 */
@Component
class LoginThrottle {

	private record Failures(int count, Instant last) {
	}

	private final Cache<String, Failures> failures = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterWrite(Duration.ofDays(1))
		.build();

	private final AccountsProperties properties;
	private final Clock clock;

	LoginThrottle(AccountsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** How long the caller must still wait before this attempt is considered, if at all. */
	Optional<Duration> waitBefore(String username, String client) {
		Instant now = clock.instant();
		Duration account = remaining(accountKey(username), properties.loginFreeAttempts(),
				properties.loginMaxDelayPerAccount(), now);
		Duration address = remaining(clientKey(client), properties.loginFreeAttemptsPerClient(),
				properties.loginMaxDelayPerClient(), now);
		Duration wait = account.compareTo(address) >= 0 ? account : address;
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	void failed(String username, String client) {
		Instant now = clock.instant();
		for (String key : new String[] { accountKey(username), clientKey(client) }) {
			failures.asMap().merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
		}
	}

	void succeeded(String username) {
		failures.invalidate(accountKey(username));
	}

	private Duration remaining(String key, int free, Duration cap, Instant now) {
		Failures counted = failures.getIfPresent(key);
		if (counted == null || counted.count() < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(counted.count() - free, 30);
		Duration delay = properties.loginBaseDelay().multipliedBy(1L << doublings);
		if (delay.compareTo(cap) > 0 || delay.isNegative()) {
			delay = cap;
		}
		Duration left = Duration.between(now, counted.last().plus(delay));
		return left.isNegative() ? Duration.ZERO : left;
	}

	private static String accountKey(String username) {
		return "account:" + JdbcAccountAuthentication.normalise(username);
	}

	private static String clientKey(String client) {
		return "client:" + client;
	}
}
