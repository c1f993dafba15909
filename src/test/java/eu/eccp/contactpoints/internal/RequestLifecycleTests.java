package eu.eccp.contactpoints.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.eccp.contactpoints.RequestKind;
import eu.eccp.contactpoints.RequestStatus;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.UserId;

/** The urgent-request aggregate on its own: its transitions, deadlines, escalation and preservation. */
class RequestLifecycleTests {

	static final Instant SENT = Instant.parse("2026-11-28T10:00:00Z");
	static final Duration PERIOD = Duration.ofDays(90);
	final UserId officer = UserId.random();

	static UrgentRequest request(RequestKind kind) {
		return UrgentRequest.send("REQ-2026-000001", kind, false, OrganisationId.random(), UserId.random(),
				OrganisationId.random(), new RequestDetails("authority", "offence", "facts", "data", "relation", "custodian",
						"necessity", true, null, null),
				List.of(), SENT, Duration.ofHours(1), Duration.ofHours(4));
	}

	@Test
	void keepsAPreservationFromAcknowledgementAndAgainFromFulfilment() {
		UrgentRequest request = request(RequestKind.PRESERVATION);
		request.acknowledge(officer, SENT.plusSeconds(600), PERIOD);
		assertThat(request.preservedUntil()).isEqualTo(SENT.plusSeconds(600).plus(PERIOD));
		request.fulfil(officer, SENT.plusSeconds(3600), false, null, PERIOD);
		assertThat(request.status()).isEqualTo(RequestStatus.FULFILLED);
		assertThat(request.preservedUntil()).isEqualTo(SENT.plusSeconds(3600).plus(PERIOD));
	}

	@Test
	void rejectsExtendingALapsedPreservation() {
		UrgentRequest request = request(RequestKind.PRESERVATION);
		request.acknowledge(officer, SENT, PERIOD);
		request.extend(SENT.plus(Duration.ofDays(89)), PERIOD);
		assertThat(request.preservedUntil()).isEqualTo(SENT.plus(PERIOD).plus(PERIOD));
		assertThatThrownBy(() -> request.extend(SENT.plus(Duration.ofDays(181)), PERIOD))
			.isInstanceOf(IllegalRequestTransitionException.class).hasMessageContaining("lapsed");
		assertThat(request.hasPreservationLapsed(SENT.plus(Duration.ofDays(181)))).isTrue();
	}

	@Test
	void escalatesAnOverdueAcknowledgementOnlyOnce() {
		UrgentRequest request = request(RequestKind.EMERGENCY);
		assertThat(request.urgent()).isTrue();
		assertThat(request.escalate(SENT.plus(Duration.ofMinutes(59)), "backup")).isFalse();
		assertThat(request.escalate(SENT.plus(Duration.ofMinutes(61)), "backup")).isTrue();
		assertThat(request.escalate(SENT.plus(Duration.ofMinutes(90)), "backup")).isFalse();
		assertThat(request.escalatedAt()).isEqualTo(SENT.plus(Duration.ofMinutes(61)));
	}

	@Test
	void neverEscalatesAnAcknowledgedRequest() {
		UrgentRequest request = request(RequestKind.EMERGENCY);
		request.acknowledge(officer, SENT.plus(Duration.ofMinutes(30)), PERIOD);
		assertThat(request.escalate(SENT.plus(Duration.ofHours(2)), "backup")).isFalse();
		assertThat(request.preservedUntil()).isNull();
	}

	@Test
	void remindsOnceBeforeAPreservationLapses() {
		UrgentRequest request = request(RequestKind.PRESERVATION);
		request.acknowledge(officer, SENT, PERIOD);
		Duration before = Duration.ofDays(14);
		assertThat(request.needsExpiryReminder(SENT.plus(Duration.ofDays(70)), before)).isFalse();
		assertThat(request.needsExpiryReminder(SENT.plus(Duration.ofDays(80)), before)).isTrue();
		request.remindedOfExpiry();
		assertThat(request.needsExpiryReminder(SENT.plus(Duration.ofDays(81)), before)).isFalse();
	}

	@Test
	void rejectsAcknowledgingAWithdrawnRequest() {
		UrgentRequest request = request(RequestKind.PRESERVATION);
		request.withdraw(UserId.random(), SENT);
		assertThatThrownBy(() -> request.acknowledge(officer, SENT, PERIOD))
			.isInstanceOf(IllegalRequestTransitionException.class)
			.hasMessage("Cannot acknowledge a request that is withdrawn: only a sent request is acknowledged, once");
	}

	@Test
	void offersEachSideOnlyWhatTheStateAllows() {
		UrgentRequest request = request(RequestKind.PRESERVATION);
		assertThat(request.recipientActions()).containsExactly(UrgentRequest.Action.ACKNOWLEDGE, UrgentRequest.Action.REFUSE);
		assertThat(request.requesterActions(SENT)).containsExactly(UrgentRequest.Action.WITHDRAW);
		request.acknowledge(officer, SENT, PERIOD);
		assertThat(request.requesterActions(SENT)).containsExactly(UrgentRequest.Action.WITHDRAW, UrgentRequest.Action.EXTEND);
		request.refuse(officer, SENT, "not ours");
		assertThat(request.recipientActions()).isEmpty();
		assertThat(request.requesterActions(SENT)).isEmpty();
	}

	@Test
	void tellsWhetherOfficeHoursAreOpenAtAMoment() {
		ContactPointDirectory.Row office = new ContactPointDirectory.Row(UUID.randomUUID(), "", List.of(), List.of(), false,
				LocalTime.of(9, 0), LocalTime.of(17, 30), "Europe/Paris", null, null, true,
				new ContactPointView.Backup(null, null, null, null), SENT);
		// 2026-11-27 is a Friday; Paris is UTC+1 in November
		assertThat(ContactPointDirectory.openAt(office, Instant.parse("2026-11-27T08:30:00Z"))).isTrue();
		assertThat(ContactPointDirectory.openAt(office, Instant.parse("2026-11-27T07:59:00Z"))).isFalse();
		assertThat(ContactPointDirectory.openAt(office, Instant.parse("2026-11-27T16:30:00Z"))).isFalse();
		assertThat(ContactPointDirectory.openAt(office, Instant.parse("2026-11-28T10:00:00Z"))).isFalse();
	}
}
