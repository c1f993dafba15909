package eu.eccp.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;

import jakarta.mail.internet.MimeMessage;

/** A reporter who asks for it gets their reference and status code by e-mail (a real SMTP server, GreenMail). */
@SpringBootTest(properties = { "eccp.demo=true", "spring.mail.host=localhost", "spring.mail.port=3025",
		"eccp.public-url=https://eccp.example.eu" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReceiptMailTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

	@Autowired
	MockMvc mvc;

	@Test
	void theReferenceAndStatusCodeAreEmailedInTheReportersLanguage() throws Exception {
		String receipt = mvc.perform(post("/api/v1/public/reports").with(r -> {
			r.setRemoteAddr("192.0.2.91");
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content("""
				{"offence":"FRAUD_SHOPPING","victimCountries":["FR"],"description":"Acheté en ligne, jamais livré.",
				 "contact":{"email":"acheteur@example.org","language":"fr"},"emailReceipt":true}"""))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String reference = JsonPath.read(receipt, "$.reference");
		String token = JsonPath.read(receipt, "$.statusToken");

		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("acheteur@example.org");
		assertThat(mail.getSubject()).isEqualTo("Votre signalement " + reference + " à ECCP");
		assertThat(GreenMailUtil.getBody(mail)).contains(reference).contains(token)
			.contains("https://eccp.example.eu/report/status");
		mvc.perform(get("/api/v1/public/reports/" + reference).with(r -> {
			r.setRemoteAddr("192.0.2.91");
			return r;
		}).header("X-Status-Token", token)).andExpect(status().isOk());
	}

	@Test
	void aReceiptNeedsAnAddress() throws Exception {
		mvc.perform(post("/api/v1/public/reports").with(r -> {
			r.setRemoteAddr("192.0.2.92");
			return r;
		}).contentType(MediaType.APPLICATION_JSON)
			.content("{\"offence\":\"PHISHING\",\"description\":\"A fake bank e-mail.\",\"emailReceipt\":true}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['contact.email']").isNotEmpty());
	}
}
