package eu.eccp.organisations.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import eu.eccp.shared.CallerContext;

/**
 * A person's account as Spring Security sees it. Demo accounts are usable only while demo mode is on;
 * an account locked after failed logins is refused until the lock expires.
 */
final class AccountUserDetails implements UserDetails, CredentialsContainer, CallerContext.Principal {

	private final CallerContext caller;
	private String passwordHash;
	private final boolean usable;
	private final boolean locked;
	private final long securityVersion;
	private final boolean secondFactor;

	AccountUserDetails(UserRecord user, boolean demoMode, Instant now) {
		this.caller = user.toCaller();
		this.passwordHash = user.passwordHash();
		this.usable = user.enabled() && (demoMode || !user.demoAccount());
		this.locked = user.isLockedAt(now);
		this.securityVersion = user.securityVersion();
		this.secondFactor = user.secondFactor();
	}

	@Override
	public CallerContext caller() {
		return caller;
	}

	/** The account's security version when this was loaded (at login, for a web session). */
	long securityVersion() {
		return securityVersion;
	}

	/** Whether the account had a confirmed second factor when this was loaded. */
	boolean secondFactor() {
		return secondFactor;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = caller.roles().stream()
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return caller.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return usable;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = "";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountUserDetails that && caller.userId().equals(that.caller.userId());
	}

	@Override
	public int hashCode() {
		return caller.userId().hashCode();
	}

	@Override
	public String toString() {
		return "Account[" + caller.username() + "]";
	}
}
