package eu.eccp.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document's description: every call uses a bearer token from {@code POST /api/v1/auth/token}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI eccpOpenApi() {
		return new OpenAPI()
			.info(new Info().title("ECCP API")
				.version("v1")
				.description("European Cyber Crime Platform. Obtain a token with POST /api/v1/auth/token "
						+ "(username and password) or from your organisation's administrator (service token), then "
						+ "send it as 'Authorization: Bearer TOKEN'. Lists are pages {items, page, size, total}; "
						+ "errors are RFC 9457 problem details.")
				.license(new License().name("EUPL-1.2")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
