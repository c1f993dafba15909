package eu.eccp.awareness.internal;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.eccp.awareness.AdvisoryId;
import eu.eccp.reporting.Offence;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.Page;
import eu.eccp.shared.PageRequest;

/**
 * What anyone may read: approved public editions only, never a working version, an author or a reviewer.
 * Current advisories are those neither withdrawn nor expired; the archive holds the rest.
 */
@Service
public class PublicAdvisories {

	private final AdvisoryRepository advisories;
	private final Clock clock;

	PublicAdvisories(AdvisoryRepository advisories, Clock clock) {
		this.advisories = advisories;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<PublicAdvisory> current(@Nullable AdvisoryLanguage language, @Nullable CountryCode country,
			@Nullable Offence offence, PageRequest page) {
		return advisories.publicList(true, language, country, offence, clock.instant(), page);
	}

	@Transactional(readOnly = true)
	public Page<PublicAdvisory> archive(@Nullable AdvisoryLanguage language, @Nullable CountryCode country,
			@Nullable Offence offence, PageRequest page) {
		return advisories.publicList(false, language, country, offence, clock.instant(), page);
	}

	@Transactional(readOnly = true)
	public Optional<PublicAdvisory> find(AdvisoryId id) {
		return advisories.findPublic(id);
	}

	public java.time.Instant now() {
		return clock.instant();
	}
}
