package eu.eccp.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import eu.eccp.shared.SafeText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every JSON string the platform reads (values and object keys, in every request body and NDJSON row) is
 * refused if it holds a NUL character or a lone surrogate (see {@link SafeText}); the API answers 422.
 */
@Configuration(proxyBeanMethods = false)
class SafeTextJson {

	@Bean
	JacksonModule safeTextModule() {
		SimpleModule module = new SimpleModule("eccp-safe-text");
		module.addDeserializer(String.class, new SafeStringDeserializer());
		module.addKeyDeserializer(String.class, new SafeKeyDeserializer());
		return module;
	}

	/** Thrown when a JSON string holds text the platform does not accept. */
	static final class UnacceptableTextException extends MismatchedInputException {

		private static final long serialVersionUID = 1L;

		UnacceptableTextException(JsonParser parser) {
			super(parser, "Text must not contain NUL characters or lone surrogates.", String.class);
		}
	}

	static final class SafeStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = super.deserialize(parser, context);
			if (text != null && !SafeText.isAcceptable(text)) {
				throw new UnacceptableTextException(parser);
			}
			return text;
		}
	}

	static final class SafeKeyDeserializer extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
			if (!SafeText.isAcceptable(key)) {
				throw new UnacceptableTextException(context.getParser());
			}
			return key;
		}
	}
}
