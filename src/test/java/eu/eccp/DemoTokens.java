package eu.eccp;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** API tests act as demo accounts (password {@code demo}) with bearer tokens from {@code POST /api/v1/auth/token}. */
public final class DemoTokens {

	private DemoTokens() {
	}

	public static String token(MockMvc mvc, String username) throws Exception {
		return JsonPath.read(mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"password\":\"demo\"}")).andReturn().getResponse().getContentAsString(),
				"$.token");
	}

	/** The request, sent with the bearer token. */
	public static <B extends AbstractMockHttpServletRequestBuilder<B>> B bearer(B request, String token) {
		return request.header("Authorization", "Bearer " + token);
	}
}
