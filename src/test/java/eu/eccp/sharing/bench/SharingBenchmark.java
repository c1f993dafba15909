package eu.eccp.sharing.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.eccp.EccpApplication;
import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;
import eu.eccp.sharing.internal.AgreementDraft;
import eu.eccp.sharing.internal.SharingAgreements;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sharing benchmark (issue 16), not a test: {@code bench/sharing.sh [INDICATORS] [BUNDLE_OBJECTS]}.
 *
 * <p>Boots the platform with its web server on a random port and a fresh embedded PostgreSQL (durable commits),
 * loads INDICATORS URL sightings of the French unit through {@link Sightings#record}, makes an agreement sharing
 * them with the demo bank, waits for the collection's first refresh (timed), then pulls the whole collection over
 * HTTP as the bank, page by page ({@code limit=1000}, following {@code next}: each indicator is two objects,
 * an indicator and its sighting), every page built, recorded as a disclosure and audited as in production; then
 * POSTs a STIX bundle of BUNDLE_OBJECTS new indicators to {@code /api/v1/sharing/imports/stix} as the bank.
 */
public final class SharingBenchmark {

	private SharingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int indicators = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
		int bundleObjects = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		Path dataDir = Files.createTempDirectory("eccp-sharing-bench");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EccpApplication.class)
			.run("--eccp.demo=true", "--eccp.data-dir=" + dataDir, "--logging.level.root=WARN", "--server.port=0",
					"--spring.main.banner-mode=off", "--eccp.sharing.refresh-interval=2s")) {
			run(context, indicators, bundleObjects);
		}
		finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	static void run(ConfigurableApplicationContext context, int indicators, int bundleObjects) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		Sightings sightings = context.getBean(Sightings.class);
		Organisations organisations = context.getBean(Organisations.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		JsonMapper json = context.getBean(JsonMapper.class);
		OrganisationId fr = organisations.findByShortName("fr-unit").orElseThrow().id();
		Instant at = Instant.parse("2026-06-01T00:00:00Z");
		long started = System.nanoTime();
		List<RecordSightings> batch = new ArrayList<>();
		for (int i = 0; i < indicators; i += 5) {
			List<ObservedIndicator> urls = new ArrayList<>();
			for (int k = i; k < Math.min(indicators, i + 5); k++) {
				urls.add(new ObservedIndicator("URL", "https://host-" + k + ".bench-site.net/path/" + k, null));
			}
			batch.add(new RecordSightings(new SourceRef(SourceRef.REPORT, UUID.randomUUID()), fr, new CountryCode("FR"),
					i % 3 == 0 ? Tlp.AMBER : Tlp.GREEN, at.plusSeconds(i), urls));
			if (batch.size() == 2_000) {
				sightings.record(batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			sightings.record(batch);
		}
		System.out.printf(Locale.ROOT, "loaded %,d indicators in %.1f s%n", indicators, (System.nanoTime() - started) / 1e9);

		CallerContext coordinator = new CallerContext(new UserId(UUID.randomUUID()), "bench", fr, new CountryCode("FR"),
				Set.of(Role.COORDINATOR), false);
		String agreement = context.getBean(SharingAgreements.class).create(coordinator, new AgreementDraft("bench", null,
				List.of("fr-unit"), List.of("bank"), List.of("URL"), null, null, null, false, "AMBER", "GREEN", null, null,
				null, null, null, null, null, LocalDate.now().toString(), null, false)).id().toString();
		long refreshStart = System.nanoTime();
		while (jdbc.sql("SELECT count(*) FROM sharing_collection_state WHERE agreement_id = CAST(:a AS uuid) AND refreshed_at IS NOT NULL AND objects >= :n")
			.param("a", agreement).param("n", indicators).query(Long.class).single() == 0) {
			Thread.sleep(200); // polling the database for the background refresh, not timing anything by sleeping
		}
		double refreshSeconds = (System.nanoTime() - refreshStart) / 1e9;
		System.out.printf(Locale.ROOT, "first refresh of %,d indicators: %.1f s (%,.0f indicators/s, within a 2 s poll)%n",
				indicators, refreshSeconds, indicators / refreshSeconds);

		HttpClient http = HttpClient.newHttpClient();
		String token = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bank.partner\",\"password\":\"demo\"}")).build(),
				HttpResponse.BodyHandlers.ofString()).body()).path("token").asString();
		long objects = 0;
		int pages = 0;
		String next = null;
		long pullStart = System.nanoTime();
		List<Long> pageNanos = new ArrayList<>();
		do {
			long pageStart = System.nanoTime();
			String url = "http://localhost:" + port + "/taxii2/api/collections/" + agreement + "/objects/?limit=1000"
					+ (next == null ? "" : "&next=" + next);
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + token).header("Accept", "application/taxii+json;version=2.1").build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("page " + pages + ": HTTP " + response.statusCode());
			}
			JsonNode envelope = json.readTree(response.body());
			objects += envelope.path("objects").size();
			pages++;
			next = envelope.path("more").asBoolean(false) ? envelope.path("next").asString() : null;
			pageNanos.add(System.nanoTime() - pageStart);
		} while (next != null);
		double pullSeconds = (System.nanoTime() - pullStart) / 1e9;
		pageNanos.sort(null);
		System.out.printf(Locale.ROOT, "served %,d objects in %,d pages in %.1f s: %,.0f objects/s; page p50 %.1f ms, p99 %.1f ms%n",
				objects, pages, pullSeconds, objects / pullSeconds, pageNanos.get(pageNanos.size() / 2) / 1e6,
				pageNanos.get((int) (pageNanos.size() * 0.99)) / 1e6);

		StringBuilder bundle = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[");
		for (int i = 0; i < bundleObjects; i++) {
			if (i > 0) {
				bundle.append(',');
			}
			bundle.append("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--").append(UUID.randomUUID())
				.append("\",\"created\":\"2026-06-01T00:00:00.000Z\",\"modified\":\"2026-06-01T00:00:00.000Z\",")
				.append("\"pattern\":\"[url:value = 'https://import-").append(i).append(".bench-feed.net/x']\",")
				.append("\"pattern_type\":\"stix\",\"valid_from\":\"2026-06-01T00:00:00Z\"}");
		}
		bundle.append("]}");
		byte[] body = bundle.toString().getBytes(StandardCharsets.UTF_8);
		boolean statementStatistics = Boolean.getBoolean("eccp.embedded-database.statement-statistics");
		if (statementStatistics) {
			jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
			jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
		}
		long importStart = System.nanoTime();
		HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/sharing/imports/stix")).header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/stix+json;version=2.1").POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		double importSeconds = (System.nanoTime() - importStart) / 1e9;
		JsonNode report = json.readTree(imported.body());
		System.out.printf(Locale.ROOT, "imported a bundle of %,d objects (%.1f MB): HTTP %d, %d imported, %d rejected in %.1f s: %,.0f objects/s%n",
				bundleObjects, body.length / 1e6, imported.statusCode(), report.path("imported").asInt(),
				report.path("rejectedCount").asInt(), importSeconds, bundleObjects / importSeconds);
		if (statementStatistics) {
			eu.eccp.correlation.bench.CorrelationLoadBenchmark.statementProfile(jdbc, importSeconds);
		}
	}
}
