package eu.eccp.awareness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** The official OASIS CAP 1.2 schema ({@code src/test/resources/cap/CAP-v1.2.xsd}), for validating alerts. */
final class CapSchema {

	private static final Schema SCHEMA = load();

	private CapSchema() {
	}

	private static Schema load() {
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			return factory.newSchema(CapSchema.class.getResource("/cap/CAP-v1.2.xsd"));
		}
		catch (Exception e) {
			throw new IllegalStateException("could not load the CAP 1.2 schema", e);
		}
	}

	/** Fails unless the document is a valid CAP 1.2 alert; lists every error. */
	static void assertValid(String xml) throws Exception {
		List<String> errors = new ArrayList<>();
		Validator validator = SCHEMA.newValidator();
		validator.setErrorHandler(new ErrorHandler() {
			@Override
			public void warning(SAXParseException e) {
			}

			@Override
			public void error(SAXParseException e) {
				errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
			}

			@Override
			public void fatalError(SAXParseException e) {
				errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
			}
		});
		validator.validate(new StreamSource(new StringReader(xml)));
		assertThat(errors).as("CAP 1.2 schema errors in%n%s", xml).isEmpty();
	}
}
