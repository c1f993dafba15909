package eu.eccp.awareness.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options of the awareness module ({@code eccp.awareness.*}).
 *
 * @param capSender {@code eccp.awareness.cap-sender}: the CAP {@code sender} of every alert (default
 *        {@code awareness@eccp.invalid}; set it to an address or a domain the platform's operator owns)
 * @param senderName {@code eccp.awareness.sender-name}: the CAP {@code senderName} and the feeds' author
 * @param mailFrom {@code eccp.awareness.mail-from}: sender address of subscription e-mails
 * @param suggestionInterval {@code eccp.awareness.suggestion-interval}: how often the data are looked at for
 *        suggestions (one node at a time; the first time a minute after start)
 * @param clusterCountries {@code eccp.awareness.cluster-countries}: a cluster whose records of the last
 *        {@code cluster-window} come from at least this many countries is suggested
 * @param clusterWindow {@code eccp.awareness.cluster-window}: that window (default 7 days)
 * @param maxClusters {@code eccp.awareness.max-clusters}: clusters one run looks at, at most
 * @param surgeFactor {@code eccp.awareness.surge-factor}: an offence whose last week's count is at least this
 *        many times its weekly baseline is suggested...
 * @param surgeMinimum {@code eccp.awareness.surge-minimum}: ...when it counts at least this many reports
 * @param baselineWeeks {@code eccp.awareness.baseline-weeks}: weeks before the last one whose mean is the baseline
 * @param mailPollInterval {@code eccp.awareness.mail.poll-interval} via {@link #mailPollInterval}: how often
 *        the outbox is looked at
 * @param mailBatch {@code eccp.awareness.mail-batch}: e-mails one outbox run claims at most
 * @param mailLease {@code eccp.awareness.mail-lease}: how long a claimed e-mail is reserved; a dead node's
 *        claims are sent by another node after it
 * @param mailMaxAttempts {@code eccp.awareness.mail-max-attempts}: attempts before an e-mail is given up
 * @param subscriptionsPerHour {@code eccp.awareness.subscriptions-per-hour}: subscription requests one client
 *        address may make per hour
 */
@ConfigurationProperties("eccp.awareness")
public record AwarenessProperties(@DefaultValue("awareness@eccp.invalid") String capSender,
		@DefaultValue("European Cyber Crime Platform") String senderName,
		@DefaultValue("no-reply@eccp.invalid") String mailFrom,
		@DefaultValue("10m") Duration suggestionInterval, @DefaultValue("3") int clusterCountries,
		@DefaultValue("7d") Duration clusterWindow, @DefaultValue("100") int maxClusters,
		@DefaultValue("3.0") double surgeFactor, @DefaultValue("10") int surgeMinimum,
		@DefaultValue("8") int baselineWeeks, @DefaultValue("5s") Duration mailPollInterval,
		@DefaultValue("50") int mailBatch, @DefaultValue("2m") Duration mailLease,
		@DefaultValue("5") int mailMaxAttempts, @DefaultValue("10") int subscriptionsPerHour) {
}
