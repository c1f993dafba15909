package eu.eccp.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The shared rule for what a caller may see. */
class VisibilityTests {

	static final OrganisationId FR_UNIT = OrganisationId.random();
	static final OrganisationId DE_UNIT = OrganisationId.random();
	static final OrganisationId OPERATOR = OrganisationId.random();

	static CallerContext caller(OrganisationId org, boolean operator, Role... roles) {
		return new CallerContext(UserId.random(), "someone", org, CountryCode.of("FR"), Set.of(roles), operator);
	}

	@Test
	void aCallerSeesTheirOwnOrganisationsRecordsOnly() {
		Visibility analyst = caller(FR_UNIT, false, Role.ANALYST).visibility();
		assertThat(analyst.canSee(FR_UNIT)).isTrue();
		assertThat(analyst.canSee(DE_UNIT)).isFalse();
		assertThat(analyst.ownedBy("owner_org").sql()).isEqualTo("owner_org = :visibility_org");
		assertThat(analyst.ownedBy("owner_org").parameters()).containsEntry("visibility_org", FR_UNIT.value());
	}

	@Test
	void anOrganisationsOwnAdminIsNotPlatformWide() {
		assertThat(caller(FR_UNIT, false, Role.ADMIN).visibility().canSee(DE_UNIT)).isFalse();
	}

	@Test
	void platformOperatorAdminsAndAuditorsSeeAllButRedRecordsOfOthers() {
		Visibility auditor = caller(OPERATOR, true, Role.AUDITOR).visibility();
		assertThat(auditor.canSee(DE_UNIT)).isTrue();
		assertThat(auditor.canSee(DE_UNIT, Tlp.AMBER)).isTrue();
		assertThat(auditor.canSee(DE_UNIT, Tlp.RED)).isFalse();
		assertThat(auditor.canSee(OPERATOR, Tlp.RED)).isTrue();
		assertThat(auditor.ownedBy("o", "tlp").sql()).contains("tlp <> 'RED'");
		assertThat(caller(OPERATOR, true, Role.ANALYST).visibility().isPlatformWide()).isFalse();
	}

	@Test
	void servicesRefuseCallersWithoutTheRole() {
		assertThatThrownBy(() -> caller(FR_UNIT, false, Role.ANALYST).requireAny(Role.ADMIN))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void tlpLabelsFollowTlp2() {
		assertThat(Tlp.AMBER_STRICT.label()).isEqualTo("TLP:AMBER+STRICT");
		assertThat(Tlp.parse("TLP:WHITE")).isEqualTo(Tlp.CLEAR);
		assertThat(Tlp.parse("amber+strict")).isEqualTo(Tlp.AMBER_STRICT);
	}

	@Test
	void countryCodesAreIsoAlpha2() {
		assertThat(CountryCode.of(" fr ").value()).isEqualTo("FR");
		assertThat(CountryCode.of("FR").isEuMemberState()).isTrue();
		assertThat(CountryCode.of("US").isEuMemberState()).isFalse();
		assertThat(CountryCode.isValid("XX")).isFalse();
		assertThat(CountryCode.EU_MEMBER_STATES).hasSize(27);
	}
}
