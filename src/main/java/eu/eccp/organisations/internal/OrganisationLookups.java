package eu.eccp.organisations.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;

/**
 * The organisation look-ups other modules make on every record (routing a report to its country's unit,
 * naming the organisation a notice goes to), answered from memory. Organisations change rarely and only
 * through {@link OrganisationDirectory}, which drops both caches when it writes (again after its commit, so
 * that a reader racing the commit cannot keep the old value); a change made on another node is seen here
 * within {@link #STALENESS}. Bounded: there are a few hundred organisations, and at most
 * {@link #MAXIMUM_ENTRIES} entries per cache.
 */
@Component
class OrganisationLookups {

	static final Duration STALENESS = Duration.ofSeconds(30);

	static final int MAXIMUM_ENTRIES = 10_000;

	private record CountryAndType(CountryCode country, OrganisationType type) {
	}

	private final OrganisationRepository repository;

	private final Cache<OrganisationId, Optional<OrganisationView>> byId = cache();

	private final Cache<CountryAndType, List<OrganisationView>> byCountryAndType = cache();

	OrganisationLookups(OrganisationRepository repository) {
		this.repository = repository;
	}

	Optional<OrganisationView> find(OrganisationId id) {
		return byId.get(id, repository::findById);
	}

	List<OrganisationView> find(CountryCode country, OrganisationType type) {
		return byCountryAndType.get(new CountryAndType(country, type),
				key -> List.copyOf(repository.find(key.country(), key.type())));
	}

	/** Called by every write to the organisation table: now, and once more after the transaction commits. */
	void changed() {
		forget();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget();
				}
			});
		}
	}

	private void forget() {
		byId.invalidateAll();
		byCountryAndType.invalidateAll();
	}

	private static <K, V> Cache<K, V> cache() {
		return Caffeine.newBuilder().maximumSize(MAXIMUM_ENTRIES).expireAfterWrite(STALENESS).build();
	}

}
