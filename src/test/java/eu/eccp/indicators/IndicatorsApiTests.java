package eu.eccp.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/indicators/extract} on the running platform: bearer token required, text, HTML and
 * uploaded files, and the same result as the library and the command line for the same input.
 */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.indicators.card-hash-key=api-test-key" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IndicatorsApiTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	IndicatorExtractor extractor;

	String token;

	@BeforeEach
	void logIn() throws Exception {
		String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"fr.analyst\",\"password\":\"demo\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		token = JsonPath.read(body, "$.token");
	}

	List<Map<String, Object>> parse(String json) {
		return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
		});
	}

	@Test
	void theApiTheCommandLineAndTheLibraryGiveTheSameResult() throws Exception {
		String text = IndicatorCommandLineTests.TEXT;
		String response = mvc.perform(post("/api/v1/indicators/extract").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("text", text, "defaultRegion", "FR"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		ByteArrayOutputStream cli = new ByteArrayOutputStream();
		int status = ExtractCommand.run(new String[] { "--region=FR" }, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(cli, true, StandardCharsets.UTF_8), System.err, Map.of("ECCP_INDICATORS_CARDHASHKEY", "api-test-key"));
		List<Map<String, Object>> cliLines = cli.toString(StandardCharsets.UTF_8)
			.lines()
			.map(line -> JSON.readValue(line, new TypeReference<Map<String, Object>>() {
			}))
			.toList();

		assertThat(status).isZero();
		assertThat(parse(response)).hasSize(10)
			.isEqualTo(cliLines)
			.isEqualTo(IndicatorCommandLineTests.library(text, "FR", "api-test-key"));
		assertThat(extractor.extract(text, ExtractionOptions.forRegion("FR"))).hasSize(10);
	}

	@Test
	void readsNationalNumbersInTheCallersCountryWhenNoRegionIsGiven() throws Exception {
		mvc.perform(post("/api/v1/indicators/extract").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"appelez le 06 12 34 56 78\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].type").value("PHONE"))
			.andExpect(jsonPath("$[0].value").value("+33612345678"));
	}

	@Test
	void readsAnHtmlDocument() throws Exception {
		mvc.perform(post("/api/v1/indicators/extract").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"html\":\"<a href='hxxp://evil-domain[.]com/x'>click</a>\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].value").value("http://evil-domain.com/x"))
			.andExpect(jsonPath("$[0].defanged").value(true))
			.andExpect(jsonPath("$[0].offset").value(9));
	}

	@Test
	void readsAnUploadedEmail() throws Exception {
		byte[] eml;
		try (InputStream in = getClass().getResourceAsStream("/indicators/eml/phishing.eml")) {
			eml = in.readAllBytes();
		}
		String response = mvc.perform(multipart("/api/v1/indicators/extract")
			.file(new MockMultipartFile("file", "phishing.eml", "message/rfc822", eml))
			.param("defaultRegion", "FR")
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<Map<String, Object>> found = parse(response);
		assertThat(found).hasSize(14);
		assertThat(found.get(13)).containsEntry("type", "SHA256").containsEntry("fileName", "facture.pdf.exe");
	}

	@Test
	void requiresABearerToken() throws Exception {
		mvc.perform(post("/api/v1/indicators/extract").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void answers422ForAMissingTextOrAnUnknownRegion() throws Exception {
		mvc.perform(post("/api/v1/indicators/extract").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"defaultRegion\":\"FR\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.text").exists());
		mvc.perform(post("/api/v1/indicators/extract").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"x\",\"defaultRegion\":\"XX\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.defaultRegion").exists());
	}
}
