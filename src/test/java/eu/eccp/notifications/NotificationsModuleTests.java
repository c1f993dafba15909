package eu.eccp.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import eu.eccp.audit.AuditTrail;
import eu.eccp.correlation.CrossBorderHitsFound;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.organisations.People;
import eu.eccp.shared.OrganisationId;

/**
 * The notifications module on its own (with the shared kernel and the embedded database): a cross-border hit
 * published by correlation becomes a stored notice, announced for delivery. The two other modules it calls
 * are stand-ins here.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class NotificationsModuleTests {

	@MockitoBean
	People people;

	@MockitoBean
	AuditTrail audit;

	/** The notifier tells only organisations that exist; here, every one asked about. */
	@MockitoBean
	Organisations organisations;

	@org.junit.jupiter.api.BeforeEach
	void everyOrganisationExists() {
		org.mockito.Mockito.when(organisations.find(org.mockito.ArgumentMatchers.any(OrganisationId.class)))
			.thenAnswer(call -> java.util.Optional.of(new OrganisationView(call.getArgument(0), "Unit", "unit",
					OrganisationType.NATIONAL_UNIT, eu.eccp.shared.CountryCode.of("FR"))));
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBatchOfCrossBorderHitsBecomesOneNoticeForTheUnitThatHoldsTheRecords(Scenario scenario) {
		OrganisationId unit = new OrganisationId(UUID.randomUUID());
		jdbc.sql("INSERT INTO organisation (id, name, short_name, type, country, created_at) VALUES (:id, 'Unit', :short, 'NATIONAL_UNIT', 'DE', :now)")
			.param("id", unit.value()).param("short", "unit-" + unit.value()).param("now", Timestamp.from(Instant.now())).update();
		List<UUID> hits = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

		scenario.publish(new CrossBorderHitsFound(unit, hits))
			.andWaitForEventOfType(NoticeSent.class)
			.toArriveAndVerify(sent -> assertThat(jdbc.sql("SELECT title || ' ' || link || ' ' || (data->>'count') FROM notice WHERE id = :id")
				.param("id", sent.noticeId()).query(String.class).single()).isEqualTo("3 new cross-border hits /hits?unread=true 3"));
	}

	@Test
	void aCrossBorderHitBecomesANoticeForTheUnitThatHoldsTheRecord(Scenario scenario) {
		OrganisationId unit = new OrganisationId(UUID.randomUUID());
		jdbc.sql("INSERT INTO organisation (id, name, short_name, type, country, created_at) VALUES (:id, 'Unit', :short, 'NATIONAL_UNIT', 'FR', :now)")
			.param("id", unit.value()).param("short", "unit-" + unit.value()).param("now", Timestamp.from(Instant.now())).update();
		UUID hit = UUID.randomUUID();

		scenario.publish(new CrossBorderHitsFound(unit, List.of(hit)))
			.andWaitForEventOfType(NoticeSent.class)
			.toArriveAndVerify(sent -> assertThat(jdbc.sql("SELECT topic || ' ' || link FROM notice WHERE id = :id")
				.param("id", sent.noticeId()).query(String.class).single()).isEqualTo("hit.found /hits/" + hit));
	}
}
