package eu.eccp.sharing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The OASIS STIX 2.1 JSON schemas (shipped with the tests under {@code stix2.1-schemas/}, BSD-3-Clause), loaded
 * offline: their absolute references are mapped to the copy on the class path. Each object is validated against the
 * schema of its own type.
 */
final class StixSchemas {

	static final String PREFIX = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(PREFIX, "classpath:stix2.1-schemas/")));

	private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

	private StixSchemas() {
	}

	static List<Error> validate(String type, String objectJson) {
		Schema schema = SCHEMAS.computeIfAbsent(type,
				t -> REGISTRY.getSchema(SchemaLocation.of(PREFIX + folder(t) + "/" + t + ".json")));
		return schema.validate(objectJson, InputFormat.JSON);
	}

	private static String folder(String type) {
		return switch (type) {
			case "sighting", "relationship" -> "sros";
			case "marking-definition", "extension-definition", "bundle", "language-content" -> "common";
			case "url", "domain-name", "ipv4-addr", "ipv6-addr", "email-addr", "file", "autonomous-system", "user-account" ->
				"observables";
			default -> "sdos";
		};
	}
}
