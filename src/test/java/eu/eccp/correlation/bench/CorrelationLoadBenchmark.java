package eu.eccp.correlation.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.eccp.EccpApplication;
import eu.eccp.correlation.IngestResult;
import eu.eccp.correlation.ObservedIndicator;
import eu.eccp.correlation.RecordSightings;
import eu.eccp.correlation.Sightings;
import eu.eccp.correlation.SourceRef;
import eu.eccp.correlation.internal.IndicatorPivot;
import eu.eccp.organisations.OrganisationType;
import eu.eccp.organisations.Organisations;
import eu.eccp.shared.CallerContext;
import eu.eccp.shared.CountryCode;
import eu.eccp.shared.OrganisationId;
import eu.eccp.shared.Role;
import eu.eccp.shared.Tlp;
import eu.eccp.shared.UserId;

/**
 * Correlation load benchmark (issue 5), not a test: {@code bench/correlation.sh [SIGHTINGS]}.
 *
 * <p>Boots the platform without its web server on a fresh embedded PostgreSQL (durable commits), generates
 * synthetic but realistic records — 27 member states, each record carrying 1 to 9 indicators, indicator
 * reuse by preferential attachment (a power law: most values appear once, a few very often), and a handful of
 * super-common values (a shared hosting IP, a webmail domain) in 2 % of the records — and loads them through
 * {@link Sightings#record}, the same code path the platform uses for reports. Then it measures, in the
 * same run: the raw PostgreSQL insert rate for the same sighting rows into a plain table with the same key,
 * the database size per sighting, and the latency of indicator searches and bulk lookups.
 */
public final class CorrelationLoadBenchmark {

	private static final List<String> TYPES = List.of("URL", "DOMAIN", "IPV4", "EMAIL", "IBAN", "PHONE", "BITCOIN");

	private CorrelationLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long target = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
		int batchRecords = args.length > 1 ? Integer.parseInt(args[1]) : 500;
		int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
		Path dataDir = Files.createTempDirectory("eccp-correlation-bench");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EccpApplication.class)
			.web(WebApplicationType.NONE)
			.run("--eccp.demo=true", "--eccp.data-dir=" + dataDir, "--logging.level.root=WARN",
					"--spring.main.banner-mode=off", "--eccp.command-line=true")) {
			run(context, target, batchRecords, workers);
		}
		finally {
			// a 10 M load leaves about 5 GB of database behind; runs must not fill the disk
			org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	static void run(ConfigurableApplicationContext context, long target, int batchRecords, int workers) throws Exception {
		Sightings sightings = context.getBean(Sightings.class);
		Organisations organisations = context.getBean(Organisations.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		IndicatorPivot pivot = context.getBean(IndicatorPivot.class);
		List<String> countries = new ArrayList<>(new TreeSet<>(CountryCode.EU_MEMBER_STATES));
		List<OrganisationId> units = countries.stream()
			.map(c -> organisations.find(CountryCode.of(c), OrganisationType.NATIONAL_UNIT).get(0).id())
			.toList();
		if (Boolean.getBoolean("eccp.embedded-database.statement-statistics")) {
			jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
			jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
		}
		Random random = new Random(20261129);
		// every sighting ever generated, as indices into the value pool: picking one at random picks a value
		// with probability proportional to its use so far (preferential attachment)
		long[] history = new long[(int) Math.min(target, Integer.MAX_VALUE - 8)];
		int historySize = 0;
		long nextValue = 0;
		String[] superCommon = { "IPV4|203.0.113.10", "DOMAIN|webmail-provider.com", "IPV4|198.51.100.25",
				"URL|https://url-shortener.com/", "EMAIL|noreply@mass-mailer.com" };

		System.out.printf(Locale.ROOT, "loading %,d sightings in batches of %d records, %d ingests at a time%n", target,
				batchRecords, workers);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
		java.util.ArrayDeque<java.util.concurrent.Future<IngestResult>> pending = new java.util.ArrayDeque<>();
		java.util.ArrayDeque<Integer> pendingSizes = new java.util.ArrayDeque<>();
		long loaded = 0;
		long links = 0;
		long hits = 0;
		long records = 0;
		long started = System.nanoTime();
		long windowStart = started;
		long windowLoaded = 0;
		List<Double> windowRates = new ArrayList<>();
		while (loaded < target) {
			List<RecordSightings> batch = new ArrayList<>(batchRecords);
			for (int r = 0; r < batchRecords && loaded < target; r++) {
				int countryIndex = (int) Math.min(countries.size() - 1, Math.abs(random.nextGaussian()) * 8);
				int n = 1 + Math.min(8, (int) Math.abs(random.nextGaussian() * 3));
				List<ObservedIndicator> indicators = new ArrayList<>(n);
				for (int i = 0; i < n; i++) {
					long value;
					if (random.nextDouble() < 0.004) {
						String[] common = superCommon[random.nextInt(superCommon.length)].split("\\|");
						indicators.add(new ObservedIndicator(common[0], common[1], null));
						continue;
					}
					if (historySize == 0 || random.nextDouble() < 0.45) {
						value = nextValue++;
					}
					else {
						value = history[random.nextInt(historySize)];
					}
					if (historySize < history.length) {
						history[historySize++] = value;
					}
					indicators.add(new ObservedIndicator(TYPES.get((int) (value % TYPES.size())), valueOf(value), null));
				}
				loaded += indicators.size();
				batch.add(new RecordSightings(new SourceRef("BENCH", new UUID(records >>> 32, records++)),
						units.get(countryIndex), CountryCode.of(countries.get(countryIndex)),
						random.nextDouble() < 0.01 ? Tlp.RED : Tlp.AMBER, Instant.now(), indicators));
			}
			pending.add(pool.submit(() -> sightings.record(batch)));
			pendingSizes.add(batch.stream().mapToInt(b -> b.indicators().size()).sum());
			while (pending.size() > workers * 2 || (loaded >= target && !pending.isEmpty())) {
				IngestResult result = pending.poll().get();
				links += result.links();
				hits += result.hits();
				windowLoaded += pendingSizes.poll();
			}
			if (windowLoaded >= 1_000_000 || (loaded >= target && pending.isEmpty())) {
				long now = System.nanoTime();
				double rate = windowLoaded / ((now - windowStart) / 1e9);
				windowRates.add(rate);
				System.out.printf(Locale.ROOT, "%,12d sightings  %,9.0f /s in the last window  (%,d links, %,d hits so far)%n",
						loaded, rate, links, hits);
				windowStart = now;
				windowLoaded = 0;
			}
		}
		pool.shutdown();
		double seconds = (System.nanoTime() - started) / 1e9;
		long stored = jdbc.sql("SELECT count(*) FROM sighting").query(Long.class).single();
		System.out.printf(Locale.ROOT, "ingest + correlate: %,d sightings (%,d stored, %,d records, %,d distinct values) in %.1f s = %,.0f sightings/s; slowest window %,.0f /s%n",
				loaded, stored, records, nextValue, seconds, loaded / seconds,
				windowRates.stream().min(Double::compare).orElse(0.0));

		if (Boolean.getBoolean("eccp.embedded-database.statement-statistics")) {
			statementProfile(jdbc, seconds);
		}
		rawInsertRate(jdbc);
		size(jdbc, stored);
		latency(jdbc, pivot, units.get(countries.indexOf("FR")));
	}

	/** Where PostgreSQL spent the load's time, statement by statement (needs pg_stat_statements). */
	public static void statementProfile(JdbcClient jdbc, double seconds) {
		System.out.printf(Locale.ROOT, "statements by total time (of %.1f s wall):%n", seconds);
		jdbc.sql("""
				SELECT total_exec_time / 1000, calls, rows, regexp_replace(left(query, 110), '\\s+', ' ', 'g')
				FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15""")
			.query((rs, n) -> {
				System.out.printf(Locale.ROOT, "%8.1f s %8d calls %10d rows  %s%n", rs.getDouble(1), rs.getLong(2), rs.getLong(3),
						rs.getString(4));
				return null;
			})
			.list();
	}

	static String valueOf(long value) {
		return switch ((int) (value % TYPES.size())) {
			case 0 -> "https://login-" + value + ".example-bank.com/verify";
			case 1 -> "shop-" + value + ".example.net";
			case 2 -> "10." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
			case 3 -> "payee" + value + "@mail.example.org";
			case 4 -> "XX00BENCH" + String.format("%018d", value);
			case 5 -> "+3361" + String.format("%07d", value % 10_000_000);
			default -> "bc1bench" + Long.toHexString(value);
		};
	}

	/** The same sighting rows inserted the same way (unnest batches of 2,500) into a plain table with the same key. */
	static void rawInsertRate(JdbcClient jdbc) {
		jdbc.sql("DROP TABLE IF EXISTS sighting_raw").update();
		jdbc.sql("CREATE TABLE sighting_raw (indicator_id BIGINT NOT NULL, record_id BIGINT NOT NULL, seen_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (indicator_id, record_id))").update();
		List<Object[]> rows = jdbc.sql("SELECT indicator_id, record_id, seen_at FROM sighting LIMIT 1000000")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getTimestamp(3) })
			.list();
		long started = System.nanoTime();
		for (int from = 0; from < rows.size(); from += 2_500) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 2_500));
			jdbc.sql("INSERT INTO sighting_raw SELECT * FROM unnest(CAST(:i AS bigint[]), CAST(:r AS bigint[]), CAST(:t AS timestamptz[]))")
				.param("i", chunk.stream().map(r -> r[0]).toArray(Long[]::new))
				.param("r", chunk.stream().map(r -> r[1]).toArray(Long[]::new))
				.param("t", chunk.stream().map(r -> r[2]).toArray(Timestamp[]::new))
				.update();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf(Locale.ROOT, "raw PostgreSQL insert of %,d of the same sighting rows: %.1f s = %,.0f rows/s%n", rows.size(),
				seconds, rows.size() / seconds);
		jdbc.sql("DROP TABLE sighting_raw").update();
	}

	static void size(JdbcClient jdbc, long stored) {
		Map<String, Object> sizes = jdbc.sql("""
				SELECT pg_total_relation_size('sighting') AS sighting, pg_total_relation_size('indicator_value') AS indicator_value,
				  pg_total_relation_size('correlation_record') AS correlation_record, pg_total_relation_size('correlation_cluster') AS correlation_cluster,
				  pg_total_relation_size('hit') AS hit, pg_database_size(current_database()) AS database""").query().singleRow();
		long correlation = Arrays.asList("sighting", "indicator_value", "correlation_record", "correlation_cluster")
			.stream().mapToLong(k -> ((Number) sizes.get(k)).longValue()).sum();
		System.out.printf(Locale.ROOT, "size: sightings+values+records+clusters %,d MB = %.0f bytes per sighting; hits %,d MB; whole database %,d MB%n",
				correlation >> 20, (double) correlation / stored, ((Number) sizes.get("hit")).longValue() >> 20,
				((Number) sizes.get("database")).longValue() >> 20);
	}

	static void latency(JdbcClient jdbc, IndicatorPivot pivot, OrganisationId frenchUnit) {
		CallerContext analyst = new CallerContext(UserId.random(), "bench.analyst", frenchUnit, CountryCode.of("FR"),
				Set.of(Role.ANALYST), false);
		List<String> sample = jdbc.sql("SELECT value FROM indicator_value TABLESAMPLE SYSTEM (1) LIMIT 12000")
			.query(String.class)
			.list();
		boolean statistics = Boolean.getBoolean("eccp.embedded-database.statement-statistics");
		if (statistics) {
			jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
		}
		List<Long> searches = new ArrayList<>();
		java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>();
		long searchesStarted = System.nanoTime();
		for (int i = 0; i < Math.min(2_000, sample.size()); i++) {
			long t = System.nanoTime();
			pivot.search(analyst, sample.get(i));
			long took = System.nanoTime() - t;
			searches.add(took);
			slowest.put(took, sample.get(i));
			if (slowest.size() > 5) {
				slowest.pollFirstEntry();
			}
		}
		System.out.println("slowest searches: " + slowest.descendingMap().entrySet().stream()
			.map(e -> String.format(Locale.ROOT, "%s %.1f ms", e.getValue(), e.getKey() / 1e6)).toList());
		String slowestValue = slowest.lastEntry().getValue();
		System.out.println("the slowest search's value and its related values, with their sightings (exact / derived): "
				+ jdbc.sql("""
						SELECT string_agg(v.type || ' ' || v.value || ' source_count ' || v.source_count || ' sightings '
						  || (SELECT count(*) FILTER (WHERE s.derivation IS NULL) || ' / ' || count(*) FILTER (WHERE s.derivation IS NOT NULL)
						      FROM sighting s WHERE s.indicator_id = v.id), '; ')
						FROM indicator_value v WHERE v.value = :v OR :v LIKE '%://' || v.value || '/%'
						  OR :v LIKE '%.' || v.value || '/%'""").param("v", slowestValue).query(String.class).single());
		if (statistics) {
			statementProfile(jdbc, (System.nanoTime() - searchesStarted) / 1e9);
			jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
			long t = System.nanoTime();
			pivot.search(analyst, slowestValue);
			System.out.println("the slowest search again, alone:");
			statementProfile(jdbc, (System.nanoTime() - t) / 1e9);
		}
		List<Long> perValue = new ArrayList<>();
		for (int run = 0; run < 10 && (run + 1) * 1_000 <= sample.size(); run++) {
			List<String> values = sample.subList(run * 1_000, (run + 1) * 1_000);
			long t = System.nanoTime();
			pivot.lookup(analyst, values);
			perValue.add((System.nanoTime() - t) / values.size());
		}
		System.out.printf(Locale.ROOT, "indicator search (one value, %d searches): p50 %.2f ms, p99 %.2f ms%n", searches.size(),
				percentile(searches, 50), percentile(searches, 99));
		System.out.printf(Locale.ROOT, "bulk lookup (1,000 values per call, %d calls): per value p50 %.3f ms, p99 %.3f ms%n",
				perValue.size(), percentile(perValue, 50), percentile(perValue, 99));
	}

	static double percentile(List<Long> nanos, int p) {
		if (nanos.isEmpty()) {
			return 0;
		}
		List<Long> sorted = new ArrayList<>(nanos);
		sorted.sort(null);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}
}
