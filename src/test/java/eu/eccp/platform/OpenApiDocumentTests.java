package eu.eccp.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import eu.eccp.contactpoints.RequestKind;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportStatus;
import eu.eccp.shared.Role;
import eu.eccp.shared.Tlp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document at {@code /v3/api-docs} tells a client what it may send: every enum with its values,
 * every required field, formats and patterns. The request bodies the API tests send validate against it (as
 * JSON Schema 2020-12, with unknown properties refused), and requests that break the contract do not.
 */
@SpringBootTest(properties = "eccp.data-dir=${java.io.tmpdir}/eccp-openapi-tests")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenApiDocumentTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	JsonNode document() throws Exception {
		return JSON.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	JsonNode schema(String name) throws Exception {
		JsonNode schema = document().path("components").path("schemas").path(name);
		assertThat(schema.isObject()).as("schema " + name + " is in the document").isTrue();
		return schema;
	}

	/** The values a property (or, for an array, its items) may take. */
	List<String> enumOf(String schema, String property) throws Exception {
		JsonNode p = schema(schema).path("properties").path(property);
		JsonNode values = p.has("items") ? p.path("items").path("enum") : p.path("enum");
		List<String> result = new ArrayList<>();
		values.forEach(v -> result.add(v.asString()));
		return result;
	}

	List<String> required(String schema) throws Exception {
		List<String> result = new ArrayList<>();
		schema(schema).path("required").forEach(v -> result.add(v.asString()));
		return result;
	}

	String format(String schema, String property) throws Exception {
		JsonNode p = schema(schema).path("properties").path(property);
		return (p.has("items") ? p.path("items") : p).path("format").asString(null);
	}

	static List<String> names(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
	}

	/**
	 * The named component as a JSON Schema 2020-12 whose references resolve within the document; every object
	 * schema is closed (no properties beyond those declared), so an example using an undeclared field fails.
	 */
	List<Error> validate(String schemaName, String json) throws Exception {
		ObjectNode components = (ObjectNode) document().path("components").deepCopy();
		components.path("schemas").forEach(OpenApiDocumentTests::close);
		ObjectNode root = JSON.createObjectNode();
		root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		root.put("$ref", "#/components/schemas/" + schemaName);
		root.set("components", components);
		Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(JSON.writeValueAsString(root), InputFormat.JSON);
		return schema.validate(json, InputFormat.JSON);
	}

	private static void close(JsonNode schema) {
		if (schema instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
			object.put("additionalProperties", false);
		}
		schema.forEach(OpenApiDocumentTests::close);
	}

	@Test
	void declaresTheValuesOfEveryEnumTheRequestsCarry() throws Exception {
		assertThat(enumOf("ReportDraft", "offence")).containsExactlyElementsOf(names(Offence.class));
		assertThat(enumOf("ReportDraft", "tlp")).containsExactlyElementsOf(names(Tlp.class));
		assertThat(enumOf("OpenCase", "offences")).containsExactlyElementsOf(names(Offence.class));
		assertThat(enumOf("OpenCase", "tlp")).containsExactlyElementsOf(names(Tlp.class));
		assertThat(enumOf("NoteRequest", "tlp")).containsExactlyElementsOf(names(Tlp.class));
		assertThat(enumOf("TaskRequest", "tlp")).containsExactlyElementsOf(names(Tlp.class));
		assertThat(enumOf("MessageText", "tlp")).containsExactlyElementsOf(names(Tlp.class));
		assertThat(enumOf("RequestDraft", "kind")).containsExactlyElementsOf(names(RequestKind.class));
		assertThat(enumOf("IdentifierInput", "type")).containsExactly("ACCOUNT", "IP_ADDRESS", "URL", "PHONE", "EMAIL");
		assertThat(enumOf("StatusChange", "status")).containsExactlyElementsOf(names(ReportStatus.class));
		assertThat(enumOf("NewUser", "roles")).containsExactlyElementsOf(names(Role.class));
		assertThat(enumOf("NewServiceToken", "roles")).containsExactlyElementsOf(names(Role.class));
		assertThat(enumOf("RolesChange", "roles")).containsExactlyElementsOf(names(Role.class));
		assertThat(enumOf("OrganisationForm", "type")).containsExactlyElementsOf(names(OrganisationType.class));
		assertThat(enumOf("ContactPointUpdate", "capabilities")).containsExactly("PRESERVATION", "TRAFFIC_DATA",
				"SUBSCRIBER_DATA", "CONTENT_REMOVAL", "ACCOUNT_FREEZE", "EMERGENCY_DISCLOSURE");
	}

	@Test
	void declaresTheValuesOfEnumsInCaseAnswers() throws Exception {
		List<String> labels = Arrays.stream(Tlp.values()).map(Tlp::label).toList();
		for (String schema : List.of("CaseSummary", "Task", "EvidenceItem", "Entry", "Event")) {
			assertThat(enumOf(schema, "tlp")).as(schema).containsExactlyElementsOf(labels);
		}
		assertThat(enumOf("CaseSummary", "offences")).containsExactlyElementsOf(names(Offence.class));
		assertThat(enumOf("CaseSummary", "status")).isNotEmpty();
		assertThat(enumOf("Member", "status")).isNotEmpty();
		assertThat(enumOf("Task", "status")).isNotEmpty();
		assertThat(enumOf("Entry", "kind")).isNotEmpty();
	}

	@Test
	void declaresTheRequiredFields() throws Exception {
		assertThat(required("ReportDraft")).containsExactlyInAnyOrder("offence", "description");
		assertThat(required("OpenCase")).containsExactly("title");
		assertThat(required("RequestDraft")).containsExactlyInAnyOrder("recipient", "kind", "requestingAuthority", "offence",
				"facts", "dataSought");
		assertThat(required("IdentifierInput")).containsExactlyInAnyOrder("type", "value");
		assertThat(required("StatusChange")).containsExactly("status");
		assertThat(required("Credentials")).containsExactlyInAnyOrder("username", "password");
		assertThat(required("Lookup")).containsExactly("values");
		assertThat(required("InvitationRequest")).containsExactly("organisation");
		assertThat(required("NoteRequest")).containsExactly("text");
		assertThat(required("TaskRequest")).containsExactly("title");
		assertThat(required("MessageText")).containsExactly("body");
		assertThat(required("NewUser")).containsExactlyInAnyOrder("username", "displayName", "organisationId", "roles",
				"password");
		assertThat(required("NewServiceToken")).containsExactlyInAnyOrder("name", "roles");
		assertThat(required("OrganisationForm")).containsExactlyInAnyOrder("name", "shortName", "type", "country");
		assertThat(required("EndpointForm")).containsExactly("url");
	}

	@Test
	void declaresFormatsAndPatterns() throws Exception {
		assertThat(format("OpenCase", "reports")).isEqualTo("uuid");
		assertThat(format("TaskRequest", "dueOn")).isEqualTo("date");
		assertThat(format("Contact", "email")).isEqualTo("email");
		assertThat(format("EndpointForm", "url")).isEqualTo("uri");
		assertThat(format("NewServiceToken", "expiresOn")).isEqualTo("date");
		assertThat(format("Credentials", "password")).isEqualTo("password");
		assertThat(schema("ReportDraft").path("properties").path("residenceCountry").path("pattern").asString())
			.isEqualTo("^[A-Za-z]{2}$");
		assertThat(schema("Loss").path("properties").path("currency").path("pattern").asString()).isEqualTo("^[A-Za-z]{3}$");
		assertThat(schema("ReportDraft").path("properties").path("description").path("minLength").asInt()).isEqualTo(10);
	}

	static Stream<Arguments> exampleRequests() {
		return Stream.of(
				// ReportingApiTests: public and organisational reports, and NDJSON bulk rows (one ReportDraft a line)
				Arguments.of("ReportDraft", """
						{"offence":"PHISHING","residenceCountry":"FR","victimCountries":["FR"],
						 "occurredAt":"2026-11-28T14:30","timeZone":"Europe/Paris",
						 "loss":{"amount":"120.50","currency":"EUR","paymentMethod":"card"},
						 "description":"A fake bank e-mail asked me to log in",
						 "details":{"urls":["hxxps://bank-secure[.]example/login"],"emails":["support@bank-secure.example"],
						   "ibans":["FR14 2004 1010 0505 0001 3M02 606"]},
						 "contact":{"name":"Marie Dupont","email":"marie@example.org","language":"fr"},
						 "consentToContact":true,"consentToShare":true}"""),
				Arguments.of("ReportDraft", """
						{"offence":"PHISHING","victimCountries":["FR"],"description":"Bulk row again 1","organisationReference":"B1-1"}"""),
				Arguments.of("ReportDraft", """
						{"offence":"IDENTITY_THEFT","victimCountries":["DE"],"description":"Bulk row last 1"}"""),
				Arguments.of("StatusChange", """
						{"status":"CLOSED","reason":"Nothing we can act on"}"""),
				Arguments.of("Credentials", """
						{"username":"fr.analyst","password":"demo"}"""),
				// CasesApiTests
				Arguments.of("OpenCase", """
						{"title":"Bank-login phishing kit","summary":"Shared with DE","offences":["PHISHING"],"tlp":"AMBER",
						 "hits":["0b5f6bde-5d43-4a5e-9a55-6a1e0e8f3c11"]}"""),
				Arguments.of("InvitationRequest", """
						{"organisation":"de-unit","note":"Same kit as your case"}"""),
				Arguments.of("NoteRequest", """
						{"text":"The kit was bought on a forum","tlp":"RED"}"""),
				Arguments.of("TaskRequest", """
						{"title":"Ask the registrar","dueOn":"2026-12-24","tlp":"GREEN"}"""),
				// RequestApiTests
				Arguments.of("RequestDraft", """
						{"recipient":"isp","kind":"PRESERVATION","urgent":true,
						 "requestingAuthority":"Paris public prosecutor, cyber crime section J3",
						 "offence":"Fraud (Code pénal art. 313-1)","facts":"Phishing campaign against bank customers",
						 "dataSought":"Subscriber and connection logs of the IP address below",
						 "relationToOffence":"The phishing kit was uploaded from this address",
						 "custodian":"Demo ISP, Frankfurt data centre","necessity":"Logs are deleted after 7 days",
						 "mlaFollowUp":true,
						 "identifiers":[{"type":"IP_ADDRESS","value":"198.51.100.7","observedAt":"2026-11-28T14:30:00",
						                 "timeZone":"Europe/Paris"},
						                {"type":"ACCOUNT","value":"phisher42","service":"Demo ISP webmail"}]}"""),
				Arguments.of("RequestDraft", """
						{"recipient":"be-contact","kind":"EMERGENCY","requestingAuthority":"FR national unit duty officer",
						 "offence":"Threat to kill","facts":"A person announced a suicide live on a stream",
						 "dataSought":"Subscriber data and location of the account",
						 "threatToLife":"The person said they would act within the hour",
						 "identifiers":[{"type":"EMAIL","value":"streamer@example.org"},{"type":"PHONE","value":"+33 6 12 34 56 78"}]}"""),
				Arguments.of("Fulfilment", """
						{"partial":true,"note":"Only 3 of 7 days of logs still existed"}"""),
				Arguments.of("Refusal", """
						{"reason":"We are not the provider of this address range"}"""),
				Arguments.of("MessageText", """
						{"body":"Internal: the suspect is our informant's neighbour","tlp":"RED"}"""),
				// ContactPointApiTests
				Arguments.of("ContactPointUpdate", """
						{"description":"Permanence de la section cyber","capabilities":["PRESERVATION","SUBSCRIBER_DATA"],
						 "languages":["fr","en"],"alwaysOpen":false,"officeOpens":"08:30","officeCloses":"19:00",
						 "timeZone":"Europe/Paris","phone":"+33 1 40 00 00 01","email":"cyber@fr-unit.example.fr",
						 "backupName":"Officier de permanence","backupEmail":"permanence@fr-unit.example.fr","backupUser":"fr.analyst"}"""),
				// CorrelationApiTests, indicators, notifications, organisations
				Arguments.of("Lookup", """
						{"values":["https://evil.example/x","hxxp://never-seen[.]com/"]}"""),
				Arguments.of("Reason", """
						{"reason":"Same phishing kit as our case 2026/117"}"""),
				Arguments.of("ExtractRequest", """
						{"text":"see hxxp://evil-domain[.]com","defaultRegion":"FR"}"""),
				Arguments.of("EndpointForm", """
						{"url":"https://soc.example/eccp","topics":["request.*"],"active":true}"""),
				Arguments.of("NewUser", """
						{"username":"fr.newcomer","displayName":"New Comer","email":"new@fr-unit.example.fr",
						 "organisationId":"0b5f6bde-5d43-4a5e-9a55-6a1e0e8f3c11","roles":["ANALYST"],
						 "password":"Sufficiently-Long-Secret-42"}"""),
				Arguments.of("NewServiceToken", """
						{"name":"SIEM feed","roles":["PARTNER"],"expiresOn":"2027-06-30"}"""),
				Arguments.of("OrganisationForm", """
						{"name":"Demo Registrar","shortName":"registrar","type":"REGISTRAR","country":"NL"}"""));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("exampleRequests")
	void theApiTestsRequestBodiesMatchTheirSchemas(String schema, String body) throws Exception {
		assertThat(validate(schema, body)).isEmpty();
	}

	@Test
	void requestsThatBreakTheContractDoNotMatch() throws Exception {
		assertThat(validate("ReportDraft", "{\"offence\":\"SPAMMING\",\"description\":\"A fake bank e-mail\"}"))
			.anySatisfy(e -> {
				assertThat(e.getInstanceLocation().toString()).contains("offence");
				assertThat(e.getMessage()).contains("enumeration");
			});
		assertThat(validate("ReportDraft", "{\"offence\":\"PHISHING\"}"))
			.extracting(Error::getMessage).anySatisfy(m -> assertThat(m).contains("description"));
		assertThat(validate("ReportDraft", "{\"offence\":\"PHISHING\",\"description\":\"A fake bank e-mail\",\"victim\":\"me\"}"))
			.extracting(Error::getMessage).anySatisfy(m -> assertThat(m).contains("victim"));
		assertThat(validate("OpenCase", "{\"title\":\"Kit\",\"tlp\":\"PURPLE\"}")).isNotEmpty();
		assertThat(validate("RequestDraft", "{\"recipient\":\"fr-unit\",\"kind\":\"SOMETHING\"}")).hasSizeGreaterThan(1);
		assertThat(validate("IdentifierInput", "{\"type\":\"TELEPATHY\",\"value\":\"x\"}")).isNotEmpty();
	}

	@Test
	void everyJsonRequestBodyIsADeclaredSchema() throws Exception {
		List<String> bare = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				JsonNode json = operation.getValue().path("requestBody").path("content").path("application/json");
				if (!json.isMissingNode() && !json.path("schema").has("$ref")) {
					bare.add(operation.getKey() + " " + path.getKey());
				}
			}
		}
		assertThat(bare).isEmpty();
	}
}
