package eu.eccp.organisations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.OrganisationView;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.Role;
import eu.eccp.shared.UserId;

/**
 * Routing and notices look organisations up from memory; a change an administrator makes is seen by the very
 * next look-up on this node, never after the cache's staleness bound.
 */
@SpringBootTest(properties = "eccp.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OrganisationLookupsTests {

	@Autowired
	Organisations organisations;

	@Autowired
	OrganisationDirectory directory;

	@Test
	void aRegisteredOrganisationIsRoutedToAtOnceAndARenameIsSeenAtOnce() {
		OrganisationView operator = organisations.findByShortName("platform-operator").orElseThrow();
		CallerContext platformAdmin = new CallerContext(UserId.random(), "admin", operator.id(), operator.country(),
				Set.of(Role.ADMIN), true);
		CountryCode malta = CountryCode.of("MT");
		int before = organisations.find(malta, OrganisationType.HOTLINE).size();
		String shortName = "mt-hotline-" + UUID.randomUUID().toString().substring(0, 8);

		OrganisationView registered = directory.register(platformAdmin,
				new OrganisationDirectory.OrganisationForm("Maltese hotline", shortName, "HOTLINE", "MT"));

		assertThat(organisations.find(malta, OrganisationType.HOTLINE)).hasSize(before + 1)
			.extracting(OrganisationView::id).contains(registered.id());
		assertThat(organisations.find(registered.id())).map(OrganisationView::name).hasValue("Maltese hotline");

		directory.update(platformAdmin, registered.id(),
				new OrganisationDirectory.OrganisationForm("Maltese hotline (renamed)", shortName, "HOTLINE", "MT"));

		assertThat(organisations.find(registered.id())).map(OrganisationView::name).hasValue("Maltese hotline (renamed)");
		assertThat(organisations.find(malta, OrganisationType.HOTLINE)).extracting(OrganisationView::name)
			.contains("Maltese hotline (renamed)").doesNotContain("Maltese hotline");
	}

}
