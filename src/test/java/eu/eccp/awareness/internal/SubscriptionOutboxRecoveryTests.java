package eu.eccp.awareness.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The subscription outbox survives a node that dies mid-send: an e-mail it had claimed stays reserved for the
 * lease, then any node sends it; once sent it is never sent again. (The scheduled run is pushed out of the way
 * here, so that the test drives the worker's runs itself.)
 */
@SpringBootTest(properties = { "spring.mail.host=localhost", "spring.mail.port=3025",
		"eccp.awareness.mail-poll-interval=1h", "eccp.awareness.mail-lease=2s" })
@ActiveProfiles("test")
class SubscriptionOutboxRecoveryTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

	@Autowired
	SubscriptionMail subscriptions;

	@Autowired
	SubscriptionMailWorker worker;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEmailClaimedByANodeThatDiedIsSentOnceItsLeaseRunsOut() throws Exception {
		String address = "recover-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		subscriptions.subscribe(address, "de", "DE");
		// another node claimed it (attempt 1, leased for two seconds) and died before sending
		int claimed = jdbc.sql("""
				UPDATE advisory_mail SET attempts = attempts + 1, next_attempt_at = now() + interval '2 seconds'
				WHERE subscription_id = (SELECT id FROM advisory_subscription WHERE email = :email)""")
			.param("email", address).update();
		assertThat(claimed).isEqualTo(1);

		assertThat(worker.sendDue()).as("still leased").isZero();
		assertThat(smtp.getReceivedMessages()).noneMatch(m -> recipient(m).equals(address));

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> worker.sendDue() > 0);
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		java.util.List<jakarta.mail.internet.MimeMessage> received = java.util.Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> recipient(m).equals(address)).toList();
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getSubject()).isEqualTo("Bestätigen Sie Ihr Abonnement der ECCP-Warnungen");
		assertThat(jdbc.sql("""
				SELECT confirm_token IS NULL AND sent_at IS NOT NULL FROM advisory_mail
				WHERE subscription_id = (SELECT id FROM advisory_subscription WHERE email = :email)""")
			.param("email", address).query(Boolean.class).single()).as("sent, and its token no longer kept").isTrue();

		assertThat(worker.sendDue()).as("nothing left to send").isZero();
		assertThat(smtp.getReceivedMessages()).filteredOn(m -> recipient(m).equals(address)).hasSize(1);
	}

	private static String recipient(jakarta.mail.internet.MimeMessage m) {
		try {
			return m.getAllRecipients()[0].toString();
		}
		catch (Exception e) {
			return "";
		}
	}
}
