package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;
import eu.eccp.shared.SafeText;

/**
 * NUL characters and lone UTF-16 surrogates are refused once, centrally, in every kind of input: JSON
 * bodies, query and form parameters, multipart file names. APIs answer 422 problem details, pages 400.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-safe-text-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SafeTextTests {

	@Autowired
	MockMvc mvc;

	@Test
	void safeTextRefusesNulAndLoneSurrogatesButAcceptsPairs() {
		assertThat(SafeText.isAcceptable("Grüße 😀 ok")).isTrue();
		assertThat(SafeText.isAcceptable("a\u0000b")).isFalse();
		assertThat(SafeText.isAcceptable("a\uD83Db")).isFalse();
		assertThat(SafeText.isAcceptable("a\uDE00")).isFalse();
		assertThat(SafeText.isAcceptable("\uD83D")).isFalse();
	}

	@Test
	void aNulInAJsonStringOfAnUrgentRequestGets422NamingTheField() throws Exception {
		String token = DemoTokens.token(mvc, "fr.analyst");
		mvc.perform(post("/api/v1/requests").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"recipient":"isp","kind":"PRESERVATION","requestingAuthority":"Paris\\u0000prosecutor",
					 "offence":"Fraud","facts":"Phishing","dataSought":"Logs","relationToOffence":"Uploaded from it",
					 "identifiers":[{"type":"IP_ADDRESS","value":"198.51.100.23"}]}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.requestingAuthority").isNotEmpty());
	}

	@Test
	void aLoneSurrogateInAJsonArrayElementGets422() throws Exception {
		String token = DemoTokens.token(mvc, "fr.analyst");
		mvc.perform(post("/api/v1/requests").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"recipient":"isp","kind":"PRESERVATION","offence":"Fraud",
					 "identifiers":[{"type":"IP_ADDRESS","value":"198.51.100.23\\uDC00"}]}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['identifiers[0].value']").isNotEmpty());
	}

	@Test
	void aLoneSurrogateInThePasswordOfTheTokenRequestGets422NotA500() throws Exception {
		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"fr.analyst\",\"password\":\"demo\\uD800\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.password").isNotEmpty());
	}

	@Test
	void aNulInAnEvidenceFileNameGets422() throws Exception {
		String token = DemoTokens.token(mvc, "fr.analyst");
		String opened = mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"NUL file names\",\"summary\":\"Phishing\",\"offences\":[\"PHISHING\"],\"tlp\":\"AMBER\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(opened, "$.caseFile.id");
		mvc.perform(multipart("/api/v1/cases/" + id + "/evidence").header("Authorization", "Bearer " + token)
			.file(new MockMultipartFile("file", "log\u0000.txt", "text/plain", "x".getBytes()))
			.param("description", "seized")
			.param("tlp", "AMBER"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.file").isNotEmpty());
	}

	@Test
	void aNulInAQueryParameterGets422OnTheApiAnd400OnAPage() throws Exception {
		String token = DemoTokens.token(mvc, "fr.analyst");
		mvc.perform(get("/api/v1/reports").header("Authorization", "Bearer " + token).param("q", "a\u0000b"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.q").isNotEmpty());
		mvc.perform(post("/report").param("description", "a\u0000b").with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isBadRequest());
	}
}
