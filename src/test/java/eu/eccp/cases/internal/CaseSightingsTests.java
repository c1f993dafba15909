package eu.eccp.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.eccp.cases.CaseId;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;

/** Which entries of a case are correlated under the case's marking. */
class CaseSightingsTests {

	static CaseFile caseMarked(Tlp tlp) {
		return new CaseFile(CaseId.random(), "C-2026-000001", "t", "s", List.of(), tlp, CaseFile.Status.OPEN,
				new OrganisationId(UUID.randomUUID()), new UserId(UUID.randomUUID()), Instant.EPOCH, Instant.EPOCH, null);
	}

	@Test
	void entriesMarkedLikeTheCaseOrMoreOpenlyAreCorrelated() {
		assertThat(CaseSightings.correlates(Tlp.AMBER, caseMarked(Tlp.AMBER))).isTrue();
		assertThat(CaseSightings.correlates(Tlp.GREEN, caseMarked(Tlp.AMBER))).isTrue();
		assertThat(CaseSightings.correlates(Tlp.CLEAR, caseMarked(Tlp.AMBER_STRICT))).isTrue();
	}

	@Test
	void entriesMarkedMoreStrictlyThanTheCaseOrRedAreNot() {
		assertThat(CaseSightings.correlates(Tlp.AMBER_STRICT, caseMarked(Tlp.GREEN))).isFalse();
		assertThat(CaseSightings.correlates(Tlp.AMBER, caseMarked(Tlp.CLEAR))).isFalse();
		assertThat(CaseSightings.correlates(Tlp.RED, caseMarked(Tlp.RED))).isFalse();
	}
}
