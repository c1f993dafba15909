package eu.eccp.takedown.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import eu.eccp.DemoTokens;

/**
 * A new item's host is looked up by the hosting module (the operator's resolver, the IP data, the network contacts)
 * and the location is stored on the item; a host that does not exist is stored as such.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-hosting-lookups-tests",
		"eccp.takedown.hosting-lookup-interval=1h", "eccp.takedown.removal-check-interval=1h",
		"eccp.hosting.dns.hosts[gallery.nl-lookup.example.com]=5.79.64.10" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HostingLookupsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HostingLookups lookups;

	@Test
	void aNewItemIsLocatedByLookupAndAnUnknownHostIsStoredAsSuch() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String token = DemoTokens.token(mvc, "fr.hotline");
		mvc.perform(post("/api/v1/content-reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"category":"TERRORIST_CONTENT","urls":["https://gallery.nl-lookup.example.com/%s/1",
					 "https://missing-%s.example.com/x"],"organisationReference":"LOOKUP-%s"}""".formatted(run, run, run)))
			.andExpect(status().isCreated());

		while (lookups.lookUpOnce() > 0) {
			// every item without a location, a batch at a time
		}

		Map<String, Object> located = jdbc.sql("""
				SELECT hosting_source, hosting_country, array_to_string(hosting_addresses, ',') AS addresses
				FROM content_item WHERE url LIKE :u""").param("u", "https://gallery.nl-lookup.example.com/" + run + "%")
			.query().singleRow();
		assertThat(located).containsEntry("hosting_source", "LOOKUP").containsEntry("hosting_country", "NL");
		assertThat((String) located.get("addresses")).contains("5.79.64.10");
		Map<String, Object> missing = jdbc.sql("SELECT hosting_source, hosting_country FROM content_item WHERE url LIKE :u")
			.param("u", "https://missing-" + run + ".example.com%").query().singleRow();
		assertThat(missing.get("hosting_source")).isEqualTo("LOOKUP");
		assertThat(missing.get("hosting_country")).isNull();
		List<String> events = jdbc.sql("""
				SELECT e.kind FROM content_item_event e JOIN content_item i ON i.id = e.item_id WHERE i.url LIKE :u""")
			.param("u", "https://gallery.nl-lookup.example.com/" + run + "%").query(String.class).list();
		assertThat(events).contains("LOCATED");
	}
}
