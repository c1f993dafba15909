package eu.eccp.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * Issue 12, through the one path reports take (public intake, the processing worker's ReportCorrelation,
 * Sightings.record): reports that share no value exactly still meet on the domain of their URLs or on a
 * reported range holding an address, with the reason and a weight below an exact match; free-mail domains
 * never link; the indicator search finds them by domain, host, address or range, defanged or not.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-related-values-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RelatedValuesCorrelationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String report(String country, String description, String client) throws Exception {
		String body = """
				{"offence":"PHISHING","victimCountries":["%s"],"description":"%s","contact":{"email":"victim@example.org"}}"""
			.formatted(country, description);
		String reference = JsonPath.read(mvc.perform(post("/api/v1/public/reports").with(r -> {
			r.setRemoteAddr(client);
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString(), "$.reference");
		return jdbc.sql("SELECT id FROM report WHERE reference = :r").param("r", reference).query(UUID.class).single().toString();
	}

	List<Map<String, Object>> hitsOn(String token, String record) throws Exception {
		String body = mvc.perform(DemoTokens.bearer(get("/api/v1/hits?size=500"), token)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.items[?(@.recordId == '" + record + "')]");
	}

	List<Map<String, Object>> awaitHitsOn(String token, String record) {
		return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> hitsOn(token, record), h -> !h.isEmpty());
	}

	void awaitCorrelated(String... reports) {
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
				SELECT count(*) FROM correlation_record WHERE source_kind = 'REPORT' AND source_id = ANY (CAST(:ids AS uuid[]))
				  AND NOT EXISTS (SELECT 1 FROM report_processing p WHERE p.report_id = ANY (CAST(:ids AS uuid[])))""")
			.param("ids", java.util.Arrays.stream(reports).map(UUID::fromString).toArray(UUID[]::new))
			.query(Long.class).single() == reports.length);
	}

	String search(String token, String q) throws Exception {
		return mvc.perform(DemoTokens.bearer(get("/api/v1/indicators/search").param("q", q), token)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	@SuppressWarnings("unchecked")
	void twoPhishingReportsOnOneDomainGiveEachUnitOneHitOnTheDomain() throws Exception {
		String fr = DemoTokens.token(mvc, "fr.analyst");
		String de = DemoTokens.token(mvc, "de.analyst");
		String frReport = report("FR", "Faux avis de colis: https://secure-login-parcel.xyz/fr/track?id=1", "192.0.2.81");
		String deReport = report("DE", "Gefälschte Paketbenachrichtigung: hxxps://secure-login-parcel[.]xyz/de/verfolgen",
				"192.0.2.82");

		List<Map<String, Object>> frHits = awaitHitsOn(fr, frReport);
		List<Map<String, Object>> deHits = awaitHitsOn(de, deReport);
		assertThat(frHits).singleElement().satisfies(hit -> {
			assertThat(hit).containsEntry("indicatorType", "DOMAIN").containsEntry("indicatorValue", "secure-login-parcel.xyz")
				.containsEntry("relation", "HOST");
			assertThat((Double) hit.get("weight")).isLessThan(1.0);
			List<Map<String, Object>> holders = (List<Map<String, Object>>) hit.get("holders");
			assertThat(holders).singleElement().satisfies(h -> assertThat(h).containsEntry("country", "DE")
				.containsEntry("relation", "HOST"));
		});
		assertThat(deHits).singleElement().satisfies(hit -> assertThat(hit).containsEntry("indicatorValue",
				"secure-login-parcel.xyz"));
		assertThat(frHits.get(0).toString()).doesNotContain(deReport);

		// the search by domain, defanged or not, finds both: the caller's own record and the other country's count
		for (String q : List.of("secure-login-parcel.xyz", "secure-login-parcel[.]xyz")) {
			String found = search(fr, q);
			assertThat(JsonPath.<String>read(found, "$[0].type")).isEqualTo("DOMAIN");
			assertThat(JsonPath.<List<Object>>read(found, "$[0].visibleSightings")).as("no report states the domain alone")
				.isEmpty();
			assertThat(JsonPath.<List<String>>read(found, "$[0].relatedSightings[*].record.sourceId")).containsExactly(frReport);
			assertThat(JsonPath.<List<String>>read(found, "$[0].relatedSightings[*].relation")).containsExactly("HOST");
			assertThat((Integer) JsonPath.read(found, "$[0].otherRelatedSightingsByCountry.DE")).isEqualTo(1);
		}
		String fromGermany = search(de, "secure-login-parcel.xyz");
		assertThat(JsonPath.<List<String>>read(fromGermany, "$[0].relatedSightings[*].record.sourceId")).containsExactly(deReport);
		assertThat((Integer) JsonPath.read(fromGermany, "$[0].otherRelatedSightingsByCountry.FR")).isEqualTo(1);
		String byUrl = search(fr, "https://secure-login-parcel.xyz/fr/track?id=1");
		assertThat(JsonPath.<List<String>>read(byUrl, "$[0].visibleSightings[*].sourceId")).containsExactly(frReport);
		assertThat(JsonPath.<List<String>>read(byUrl, "$[0].relatedValues[*].value")).containsExactly("secure-login-parcel.xyz");

		MockHttpSession session = (MockHttpSession) mvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login")
			.user("fr.analyst").password("demo")).andReturn().getRequest().getSession();
		String pivot = mvc.perform(get("/indicators").param("q", "secure-login-parcel[.]xyz").session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(pivot).contains("same host").contains("related-sightings");
		String hitPage = mvc.perform(get("/hits/" + frHits.get(0).get("id")).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(hitPage).contains("id=\"hit-relation\"").contains("same host");
	}

	@Test
	void gmailAddressesNeverLinkTwoReportsThroughTheirDomain() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String frReport = report("FR", "Le vendeur répond depuis vendeur.colis." + run + "@gmail.com", "192.0.2.83");
		String deReport = report("DE", "Der Verkäufer schreibt von paket.haendler." + run + "@gmail.com", "192.0.2.84");
		// the same reports with the addresses at an ordinary domain do meet, through the e-mail domain
		String domain = "colis-" + run + ".eu";
		String frOther = report("FR", "Contact: service@" + domain, "192.0.2.85");
		String deOther = report("DE", "Kontakt: kundendienst@" + domain, "192.0.2.86");
		awaitCorrelated(frReport, deReport, frOther, deOther);

		String fr = DemoTokens.token(mvc, "fr.analyst");
		String de = DemoTokens.token(mvc, "de.analyst");
		assertThat(awaitHitsOn(fr, frOther)).singleElement()
			.satisfies(hit -> assertThat(hit).containsEntry("indicatorValue", domain).containsEntry("relation", "EMAIL_DOMAIN"));
		assertThat(hitsOn(fr, frReport)).isEmpty();
		assertThat(hitsOn(de, deReport)).isEmpty();
		assertThat(jdbc.sql("""
				SELECT count(DISTINCT cluster_id) FROM correlation_record WHERE source_id IN (:a, :b)""")
			.param("a", UUID.fromString(frReport)).param("b", UUID.fromString(deReport)).query(Long.class).single())
			.as("not even in one cluster").isEqualTo(2);
		assertThat(JsonPath.<List<Object>>read(search(fr, "gmail.com"), "$[*].relatedSightings[*]")).isEmpty();
	}

	@Test
	void anAddressInsideAReportedRangeLinksAndTheSearchFindsEitherFromTheOther() throws Exception {
		String net = "45.137." + ThreadLocalRandom.current().nextInt(1, 250);
		String frReport = report("FR", "Les serveurs de la campagne sont dans " + net + ".0/24 selon l'hébergeur", "192.0.2.87");
		String deReport = report("DE", "Phishing-Seite auf " + net.replace(".", "[.]") + "[.]77 gehostet", "192.0.2.88");
		String fr = DemoTokens.token(mvc, "fr.analyst");
		String de = DemoTokens.token(mvc, "de.analyst");

		assertThat(awaitHitsOn(fr, frReport)).singleElement().satisfies(hit -> assertThat(hit)
			.containsEntry("indicatorType", "CIDR").containsEntry("indicatorValue", net + ".0/24")
			.containsEntry("relation", "ADDRESS_IN_RANGE"));
		assertThat(awaitHitsOn(de, deReport)).singleElement()
			.satisfies(hit -> assertThat(hit).containsEntry("indicatorValue", net + ".0/24"));

		String byAddress = search(fr, net + "[.]77");
		assertThat(JsonPath.<List<String>>read(byAddress, "$[0].relatedValues[*].value")).containsExactly(net + ".0/24");
		assertThat(JsonPath.<List<String>>read(byAddress, "$[0].relatedSightings[*].record.sourceId")).containsExactly(frReport);
		assertThat(JsonPath.<List<String>>read(byAddress, "$[0].relatedSightings[*].relation"))
			.containsExactly("ADDRESS_IN_RANGE");
		String byRange = search(de, net + ".0/24");
		assertThat(JsonPath.<List<String>>read(byRange, "$[0].relatedSightings[*].record.sourceId")).containsExactly(deReport);
		assertThat(JsonPath.<List<String>>read(byRange, "$[0].relatedValues[*].value")).contains(net + ".77");
		String unreported = search(de, net + ".200");
		assertThat(JsonPath.<List<String>>read(unreported, "$[*].value")).as("an address nobody reported: the range holding it")
			.containsExactly(net + ".0/24");
	}

	List<Map<String, Object>> lookup(String token, List<String> values) throws Exception {
		String body = mvc.perform(DemoTokens.bearer(post("/api/v1/indicators/lookup"), token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"values\":[" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "]}"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theLookupAnswersRelatedValuesApartFromExactOnesAmongThousandsOfValues() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String domain = "parcel-" + run + ".top";
		String net = "45.138." + ThreadLocalRandom.current().nextInt(1, 250);
		String frReport = report("FR", "Faux colis https://track." + domain + "/fr?id=1 et le relais " + net + ".0/24",
				"192.0.2.91");
		String deReport = report("DE", "Paket: hxxps://" + domain.replace(".", "[.]") + "/de/verfolgen, Antwort an service@"
				+ domain, "192.0.2.92");
		awaitCorrelated(frReport, deReport);
		String de = DemoTokens.token(mvc, "de.analyst");

		List<String> values = new java.util.ArrayList<>();
		values.add("https://track." + domain + "/fr?id=1"); // FR's URL, exactly
		values.add("https://" + domain + "/elsewhere"); // nobody's URL, on the domain both carry
		values.add(net + "[.]9"); // an address inside FR's range
		values.add("info@" + domain); // an address at the domain
		for (int i = 0; i < 3_000; i++) {
			values.add("https://unknown-" + run + "-" + i + ".example.net/p");
		}
		List<Map<String, Object>> answers = lookup(de, values);
		assertThat(answers).hasSize(values.size());

		Map<String, Object> frUrl = answers.get(0);
		assertThat(frUrl).containsEntry("known", true).containsEntry("sightings", 1).containsEntry("countries", List.of("FR"));
		assertThat((List<Object>) frUrl.get("visibleSightings")).as("DE may not open FR's report").isEmpty();
		Map<String, Object> related = (Map<String, Object>) frUrl.get("related");
		assertThat(related).containsEntry("sightings", 1).containsEntry("countries", List.of("DE"));
		assertThat(JsonPath.<List<String>>read(related, "$.visibleSightings[*].record.sourceId")).containsExactly(deReport);
		assertThat(JsonPath.<List<String>>read(related, "$.visibleSightings[*].relation")).containsExactly("REGISTRABLE_DOMAIN");
		assertThat(JsonPath.<List<String>>read(related, "$.values[*].value")).containsExactly("track." + domain, domain);

		Map<String, Object> onTheDomain = answers.get(1);
		assertThat(onTheDomain).containsEntry("known", false).containsEntry("sightings", 0);
		Map<String, Object> domainReach = (Map<String, Object>) onTheDomain.get("related");
		assertThat(domainReach).containsEntry("sightings", 2).containsEntry("countries", List.of("DE", "FR"));
		assertThat(JsonPath.<List<String>>read(domainReach, "$.visibleSightings[*].relation")).containsExactly("HOST");
		assertThat(JsonPath.<List<Double>>read(domainReach, "$.visibleSightings[*].weight")).allMatch(w -> w < 1.0);

		Map<String, Object> inRange = answers.get(2);
		assertThat(inRange).containsEntry("known", false);
		assertThat((Map<String, Object>) inRange.get("related")).containsEntry("sightings", 1)
			.containsEntry("countries", List.of("FR"));
		assertThat(JsonPath.<List<String>>read(inRange.get("related"), "$.values[*].value")).containsExactly(net + ".0/24");

		Map<String, Object> mailbox = answers.get(3);
		assertThat(JsonPath.<List<String>>read(mailbox.get("related"), "$.visibleSightings[*].record.sourceId"))
			.containsExactly(deReport);
		assertThat((Integer) JsonPath.read(mailbox.get("related"), "$.sightings")).isEqualTo(2);

		assertThat(answers.subList(4, answers.size())).allSatisfy(a -> {
			assertThat(a).containsEntry("known", false);
			assertThat((Map<String, Object>) a.get("related")).containsEntry("sightings", 0);
		});

		// a partner looking up an e-mail address (personal data) learns nothing of others, even by relation
		Map<String, Object> partner = lookup(DemoTokens.token(mvc, "bank.partner"), List.of("info@" + domain)).get(0);
		assertThat(partner).containsEntry("countsWithheld", true).containsEntry("sightings", 0);
		assertThat((Map<String, Object>) partner.get("related")).containsEntry("sightings", 0)
			.containsEntry("countries", List.of()).containsEntry("visibleSightings", List.of());
		// ... but the domain itself (no personal data) is counted for a partner too
		Map<String, Object> partnerDomain = lookup(DemoTokens.token(mvc, "bank.partner"), List.of(domain)).get(0);
		assertThat((Map<String, Object>) partnerDomain.get("related")).containsEntry("sightings", 2);
	}

	@Test
	void aGmailAddressReachesNobodyThroughItsDomainInTheLookup() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String frReport = report("FR", "Écrit par arnaque." + run + "@gmail.com", "192.0.2.93");
		String deReport = report("DE", "Geschrieben von betrug." + run + "@gmail.com", "192.0.2.94");
		awaitCorrelated(frReport, deReport);
		Map<String, Object> answer = lookup(DemoTokens.token(mvc, "de.analyst"), List.of("arnaque." + run + "@gmail.com")).get(0);
		assertThat(answer).containsEntry("known", true);
		assertThat(JsonPath.<Integer>read(answer.get("related"), "$.sightings")).isZero();
		assertThat(JsonPath.<List<Object>>read(answer.get("related"), "$.values")).isEmpty();
	}
}
