package eu.eccp.takedown.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import eu.eccp.DemoTokens;
import eu.eccp.shared.OrganisationId;

/** The takedown module's notices are stored as a message key with arguments and read in the reader's language. */
@SpringBootTest(properties = { "eccp.demo=true", "eccp.data-dir=${java.io.tmpdir}/eccp-takedown-notice-titles-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TakedownNoticeTitlesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TakedownNotices notices;

	@Test
	void aNoticeOfIllegalContentReadsInFrenchForAFrenchReaderAndInEnglishInTheWebhookTitle() throws Exception {
		OrganisationId hotline = new OrganisationId(jdbc.sql("SELECT id FROM organisation WHERE short_name = 'fr-hotline'")
			.query(UUID.class).single());
		String reference = "N-" + UUID.randomUUID().toString().substring(0, 8);
		notices.send(hotline, "takedown.notice.received", "/takedown/notices/x", false,
				"takedown.notice.receivedTitle.NOTICE", reference, "Demo hosting");

		assertThat(jdbc.sql("SELECT title FROM notice WHERE title_key = 'takedown.notice.receivedTitle.NOTICE' AND title LIKE :r")
			.param("r", "%" + reference + "%").query(String.class).single())
			.isEqualTo("Notice " + reference + " of illegal content from Demo hosting");
		String token = DemoTokens.token(mvc, "fr.hotline");
		String inbox = mvc.perform(get("/api/v1/notifications?size=500").header("Authorization", "Bearer " + token)
			.header("Accept-Language", "fr")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> titles = JsonPath.read(inbox, "$.items[?(@.title =~ /.*" + reference + ".*/)].title");
		assertThat(titles).containsExactly("Notification " + reference + " de contenu illicite de Demo hosting");
	}
}
