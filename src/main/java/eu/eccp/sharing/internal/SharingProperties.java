package eu.eccp.sharing.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of sharing ({@code eccp.sharing.*}).
 *
 * @param refreshInterval how often each active agreement's collection is brought up to date with correlation
 * @param refreshChunk indicators compared and stamped per transaction of a refresh
 * @param defaultPageSize objects per TAXII page when the client gives no {@code limit}
 * @param maxPageSize the largest TAXII page; a larger {@code limit} is lowered to it
 * @param pseudonymKeyFile the platform's secret from which every partner's pseudonym key is derived
 *        ({@code DATA_DIR/sharing/pseudonym.key} when unset), created on first use
 * @param maxImportObjects the most objects one STIX bundle or TAXII envelope may carry
 * @param maxVersions the most versions kept per collection object (TAXII {@code match[version]}, the versions
 *        endpoint); the oldest are dropped first
 * @param publicCollection whether the public TLP:CLEAR collection is served, without an account, at
 *        {@code /taxii2/public/}: the TLP:CLEAR indicators, of types that are not personal data, of the agreements that
 *        publish there
 */
@ConfigurationProperties("eccp.sharing")
public record SharingProperties(@DefaultValue("1m") Duration refreshInterval, @DefaultValue("2000") int refreshChunk,
		@DefaultValue("100") int defaultPageSize, @DefaultValue("1000") int maxPageSize,
		@Nullable Path pseudonymKeyFile, @DefaultValue("200000") int maxImportObjects,
		@DefaultValue("50") int maxVersions, @DefaultValue("false") boolean publicCollection) {

	public SharingProperties {
		if (refreshChunk < 1 || defaultPageSize < 1 || maxPageSize < defaultPageSize || maxVersions < 1) {
			throw new IllegalArgumentException("eccp.sharing: refresh-chunk, default-page-size and max-versions must be"
					+ " positive, max-page-size at least default-page-size");
		}
	}
}
