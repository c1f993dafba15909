package eu.eccp.blocklist.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of the block list ({@code eccp.blocklist.*}).
 *
 * @param checkInterval how often each published entry's content is checked (default 1 day)
 * @param goneChecks checks in a row that must find the content gone before the entry expires (default 3)
 * @param maxUnconfirmed an entry whose content no check has found online for this long expires too, so an
 *        entry never outlives a silent check (default 7 days)
 * @param checkPollInterval how often the expiry watch looks for entries due a check (default 1 minute)
 * @param checkBatch entries one watch run claims at most (default 50)
 * @param checkLease how long a claim lasts: entries a dead node claimed are checked again after it (default 10 minutes)
 * @param deltaVersions how many versions back a delta is served; older clients are told to fetch the full
 *        list (HTTP 410) (default 1000)
 * @param reviewAnswerWithin the time within which a site owner's review request must be answered (default 7 days)
 * @param reviewRequestsPerHour review requests one client address may send per hour from the public stop page
 *        and {@code POST /api/v1/public/blocklist/reviews} together (default 5); more get 429
 * @param keyOverlap how long a new signing key is published before it signs, and the old one stays valid
 *        after (default 7 days)
 * @param keyDir where the private signing keys are kept (default {@code DATA_DIR/blocklist/keys})
 * @param rpzStopHost the host whole-host RPZ entries point to (a CNAME to the stop page's server); unset:
 *        the zone answers NXDOMAIN
 */
@ConfigurationProperties("eccp.blocklist")
record BlockListProperties(@DefaultValue("1d") Duration checkInterval, @DefaultValue("3") int goneChecks,
		@DefaultValue("7d") Duration maxUnconfirmed, @DefaultValue("1m") Duration checkPollInterval,
		@DefaultValue("50") int checkBatch, @DefaultValue("10m") Duration checkLease,
		@DefaultValue("1000") int deltaVersions, @DefaultValue("7d") Duration reviewAnswerWithin,
		@DefaultValue("7d") Duration keyOverlap, @Nullable Path keyDir, @Nullable String rpzStopHost,
		@DefaultValue("5") int reviewRequestsPerHour) {
}
