package eu.eccp.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import eu.eccp.DemoTokens;

/**
 * {@code GET /api/v1/hosting/lookup?url=} in demo mode (the shipped IP data excerpt and demo network contacts):
 * analysts and hotline analysts see where a URL is hosted and which desk acts, every lookup is audited, others
 * are refused, and the operator's admins keep the table of network contacts.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-hosting-api-tests",
		"eccp.hosting.dns.hosts[content.nl-host.example]=5.79.64.10",
		"eccp.hosting.dns.hosts[content.de-host.example]=2a01:4f8:c0c:1::2" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HostingApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String token(String username) throws Exception {
		return DemoTokens.token(mvc, username);
	}

	@Test
	void aHotlineAnalystSeesTheDutchHostAndItsDeskOnThePlatform() throws Exception {
		UUID hosting = jdbc.sql("SELECT id FROM organisation WHERE short_name = 'hosting'").query(UUID.class).single();

		mvc.perform(DemoTokens.bearer(get("/api/v1/hosting/lookup").param("url", "hxxps://content.nl-host[.]example/a.jpg"),
				token("hotline.analyst")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.host").value("content.nl-host.example"))
			.andExpect(jsonPath("$.resolution").value("RESOLVED"))
			.andExpect(jsonPath("$.country").value("NL"))
			.andExpect(jsonPath("$.hostedInEu").value(true))
			.andExpect(jsonPath("$.asn").value(60781))
			.andExpect(jsonPath("$.networkOwner").value("LeaseWeb Netherlands B.V."))
			.andExpect(jsonPath("$.behindCdn").value(false))
			.andExpect(jsonPath("$.platformOrganisation").value(hosting.toString()))
			.andExpect(jsonPath("$.contentRemovalDesk").value(true))
			.andExpect(jsonPath("$.abuseEmail").value("abuse@hosting.example.nl"))
			.andExpect(jsonPath("$.contactSource").value("PLATFORM_ORGANISATION"))
			.andExpect(jsonPath("$.addresses[0].address").value("5.79.64.10"))
			.andExpect(jsonPath("$.addresses[0].country").value("NL"));

		await().untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_entry
				WHERE action = 'hosting.lookup' AND object_id = 'content.nl-host.example' AND actor_username = 'hotline.analyst'""")
			.query(Long.class).single()).isEqualTo(1));
	}

	@Test
	void anAnalystSeesAnOffPlatformHostWithItsAbuseAddress() throws Exception {
		mvc.perform(DemoTokens.bearer(get("/api/v1/hosting/lookup").param("url", "http://content.de-host.example/"),
				token("fr.analyst")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.country").value("DE"))
			.andExpect(jsonPath("$.addresses[0].version").value(6))
			.andExpect(jsonPath("$.abuseEmail").value("abuse@hosting-de.example.de"))
			.andExpect(jsonPath("$.contactSource").value("OPERATOR_TABLE"));
	}

	@Test
	void othersMayNotLookUpAndBadInputGetsAFieldError() throws Exception {
		for (String outsider : new String[] { "isp.partner", "statistician", "dpo" }) {
			mvc.perform(DemoTokens.bearer(get("/api/v1/hosting/lookup").param("url", "content.nl-host.example"), token(outsider)))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/hosting/lookup").param("url", "content.nl-host.example")).andExpect(status().isUnauthorized());

		String analyst = token("fr.analyst");
		mvc.perform(DemoTokens.bearer(get("/api/v1/hosting/lookup").param("url", "http://exa mple/"), analyst))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.url").exists());
		mvc.perform(DemoTokens.bearer(get("/api/v1/hosting/lookup"), analyst))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.url").exists());
	}

	@Test
	void theOperatorsAdminsKeepTheNetworkContacts() throws Exception {
		String admin = token("admin");
		mvc.perform(DemoTokens.bearer(put("/api/v1/hosting/network-contacts/AS16276"), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"OVH (test)\",\"abuseEmail\":\"abuse@ovh.example\",\"note\":\"checked\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.asn").value(16276))
			.andExpect(jsonPath("$.abuseEmail").value("abuse@ovh.example"));
		mvc.perform(DemoTokens.bearer(get("/api/v1/hosting/lookup").param("url", "5.39.0.250"), token("nl.analyst")))
			.andExpect(jsonPath("$.abuseEmail").value("abuse@ovh.example"));

		mvc.perform(DemoTokens.bearer(put("/api/v1/hosting/network-contacts/16276"), admin)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"abuseEmail\":\"not-an-address\",\"organisation\":\"nobody\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.name").exists())
			.andExpect(jsonPath("$.errors.abuseEmail").exists())
			.andExpect(jsonPath("$.errors.organisation").exists());
		mvc.perform(DemoTokens.bearer(put("/api/v1/hosting/network-contacts/16276"), token("fr.admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"abuseEmail\":\"a@b.example\"}"))
			.andExpect(status().isForbidden());

		mvc.perform(DemoTokens.bearer(get("/api/v1/hosting/network-contacts"), token("hotline.analyst")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.asn == 60781)].organisationShortName").value("hosting"))
			.andExpect(jsonPath("$[?(@.asn == 16276)].note").value("checked"));
		mvc.perform(DemoTokens.bearer(get("/api/v1/hosting/network-contacts"), token("isp.partner")))
			.andExpect(status().isForbidden());

		mvc.perform(DemoTokens.bearer(delete("/api/v1/hosting/network-contacts/16276"), admin)).andExpect(status().isNoContent());
		mvc.perform(DemoTokens.bearer(delete("/api/v1/hosting/network-contacts/16276"), admin)).andExpect(status().isNotFound());
		await().untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE object_id = 'AS16276'
				AND action IN ('hosting.network-contact.updated', 'hosting.network-contact.deleted')""")
			.query(Long.class).single()).isEqualTo(2));
	}

	@Test
	void anUploadedTableOfThousandsOfNetworksIsImportedWholeOrNotAtAll() throws Exception {
		StringBuilder csv = new StringBuilder("asn,name,abuse_email,organisation,note\n");
		for (int asn = 0; asn < 3000; asn++) {
			csv.append(400000 + asn).append(",Network ").append(asn).append(",abuse@net").append(asn).append(".example,,\n");
		}
		String admin = token("admin");
		mvc.perform(DemoTokens.bearer(multipart("/api/v1/hosting/network-contacts/import")
			.file(new MockMultipartFile("file", "contacts.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))), admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stored").value(3000));
		assertThat(jdbc.sql("SELECT count(*) FROM hosting_network_contact WHERE asn BETWEEN 400000 AND 402999")
			.query(Long.class).single()).isEqualTo(3000);

		String bad = "asn,name,abuse_email\n500001,Fine,abuse@fine.example\n500002,,abuse@x.example\n";
		mvc.perform(DemoTokens.bearer(multipart("/api/v1/hosting/network-contacts/import")
			.file(new MockMultipartFile("file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8))), admin))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0]").value(org.hamcrest.Matchers.startsWith("line 3")));
		assertThat(jdbc.sql("SELECT count(*) FROM hosting_network_contact WHERE asn = 500001").query(Long.class).single()).isZero();
	}

	org.springframework.mock.web.MockHttpSession login(String username) throws Exception {
		return (org.springframework.mock.web.MockHttpSession) mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/login").param("username", username).param("password", "demo")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andReturn().getRequest().getSession(false);
	}

	@Test
	void thePlatformAdminsKeepTheTableOnTheAdminPage() throws Exception {
		var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
		var session = login("admin");
		String page = mvc.perform(get("/admin/network-contacts").session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Network contacts").contains("AS60781").contains("Demo hosting provider (NL)");

		String invalid = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/network-contacts")
			.session(session).with(csrf).param("asn", "AS16509").param("name", "").param("abuseEmail", "nope"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(invalid).contains("Some fields need your attention.").contains("Enter a valid e-mail address.")
			.contains("This field is required.");

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/network-contacts")
			.session(session).with(csrf).param("asn", "AS16509").param("name", "Amazon (test)").param("abuseEmail", "abuse@amazon.example"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT abuse_email FROM hosting_network_contact WHERE asn = 16509").query(String.class).single())
			.isEqualTo("abuse@amazon.example");

		String rejected = mvc.perform(multipart("/admin/network-contacts/import").file(new MockMultipartFile("file", "t.csv", "text/csv",
				"asn,name,abuse_email\nx,Bad,abuse@bad.example\n".getBytes(StandardCharsets.UTF_8))).session(session).with(csrf))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejected).contains("The table was not imported").contains("line 2");

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/network-contacts/16509/delete")
			.session(session).with(csrf)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT count(*) FROM hosting_network_contact WHERE asn = 16509").query(Long.class).single()).isZero();

		mvc.perform(get("/admin/network-contacts").session(login("fr.admin"))).andExpect(status().isForbidden());
	}
}
