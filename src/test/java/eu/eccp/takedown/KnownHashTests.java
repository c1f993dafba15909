package eu.eccp.takedown;

import static eu.eccp.DemoTokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;

/**
 * Media hashes of a confirmed assessment become known: a later item whose PDQ hash is within the distance (or
 * whose MD5/SHA-1/SHA-256 is equal) is classified without anyone looking at it; one beyond it is left to an
 * analyst.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-takedown-hash-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class KnownHashTests {

	@Autowired
	MockMvc mvc;

	String report(String token, String url, String hashesJson) throws Exception {
		return JsonPath.read(mvc.perform(bearer(post("/api/v1/content-reports"), token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"CSAM\",\"urls\":[\"" + url + "\"],\"mediaHashes\":" + hashesJson + "}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.items[0].itemId");
	}

	/** The hash with its first {@code bits} bits flipped. */
	static String flipped(String hex, int bits) {
		char[] digits = hex.toCharArray();
		for (int bit = 0; bit < bits; bit++) {
			int digit = bit / 4;
			int value = Character.digit(digits[digit], 16) ^ (8 >> (bit % 4));
			digits[digit] = Character.forDigit(value, 16);
		}
		return new String(digits);
	}

	@Test
	void aKnownPdqHashWithinTheDistanceIsClassifiedAutomatically() throws Exception {
		String run = UUID.randomUUID().toString().replace("-", "");
		String pdq = (run + run).substring(0, 64);
		String sha256 = (run + run).substring(0, 64).replace('a', 'b');
		String fr = DemoTokens.token(mvc, "fr.hotline");
		String known = report(fr, "https://first-" + run + ".example.com/1",
				"[{\"algorithm\":\"PDQ\",\"value\":\"" + pdq + "\"},{\"algorithm\":\"SHA-256\",\"value\":\"" + sha256 + "\"}]");
		String assessment = JsonPath.read(mvc.perform(bearer(post("/api/v1/content-items/" + known + "/assessments"), fr)
			.contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"CSAM_BASELINE\",\"reason\":\"Explicit.\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

		// not yet confirmed (four-eyes): the hash is not known yet
		String de = DemoTokens.token(mvc, "de.hotline");
		String early = report(de, "https://early-" + run + ".example.com/1",
				"[{\"algorithm\":\"PDQ\",\"value\":\"" + flipped(pdq, 3) + "\"}]");
		mvc.perform(bearer(get("/api/v1/content-items/" + early), de)).andExpect(jsonPath("$.item.status").value("NEW"));

		mvc.perform(bearer(post("/api/v1/content-items/" + known + "/assessments/" + assessment + "/confirm"),
				DemoTokens.token(mvc, "fr.hotline2")))
			.andExpect(status().isOk());

		String near = report(de, "https://near-" + run + ".example.com/1",
				"[{\"algorithm\":\"PDQ\",\"value\":\"" + flipped(pdq, 31).toUpperCase(java.util.Locale.ROOT) + "\"}]");
		mvc.perform(bearer(get("/api/v1/content-items/" + near), de))
			.andExpect(jsonPath("$.item.status").value("ASSESSED"))
			.andExpect(jsonPath("$.item.category").value("CSAM_BASELINE"))
			.andExpect(jsonPath("$.assessments[0].automatic").value(true))
			.andExpect(jsonPath("$.assessments[0].reason").value(Matchers.containsString("distance 31")))
			.andExpect(jsonPath("$.timeline[*].kind").value(Matchers.hasItem("CLASSIFIED_BY_HASH")));

		String far = report(de, "https://far-" + run + ".example.com/1",
				"[{\"algorithm\":\"PDQ\",\"value\":\"" + flipped(pdq, 32) + "\"}]");
		mvc.perform(bearer(get("/api/v1/content-items/" + far), de)).andExpect(jsonPath("$.item.status").value("NEW"));

		String exact = report(de, "https://exact-" + run + ".example.com/1",
				"[{\"algorithm\":\"SHA256\",\"value\":\"" + sha256 + "\"}]");
		mvc.perform(bearer(get("/api/v1/content-items/" + exact), de))
			.andExpect(jsonPath("$.item.status").value("ASSESSED"))
			.andExpect(jsonPath("$.assessments[0].reason").value(Matchers.containsString("SHA256")));
	}
}
