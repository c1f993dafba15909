package eu.eccp.statistics.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.eccp.EccpApplication;
import eu.eccp.reporting.Offence;
import eu.eccp.reporting.ReportFacts;
import eu.eccp.reporting.ReportId;
import eu.eccp.shared.CountryCode;
import eu.eccp.statistics.internal.Rollups;
import eu.eccp.statistics.internal.StatisticsQuery;
import eu.eccp.statistics.internal.StatisticsRequest;

/**
 * Statistics load benchmark (issue 17), not a test: {@code bench/statistics.sh [REPORTS]}.
 *
 * <p>Boots the platform without its web server on a fresh embedded PostgreSQL and counts REPORTS generated reports
 * (27 member states weighted by population, every offence, five years of months, one victim country or two, a loss
 * on a third of them, one in fifty in a currency without a reference rate) through {@link Rollups#record} in batches
 * of 2,000, the path every batch of new reports takes. Then it asks the questions the pages and the API ask, each
 * 200 times, through {@link StatisticsQuery} (the code behind {@code GET /api/v1/statistics}, without HTTP), and
 * prints p50 / p95 / p99 / max per question.
 */
public final class StatisticsLoadBenchmark {

	private StatisticsLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int target = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		Path dataDir = Files.createTempDirectory("eccp-statistics-bench");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EccpApplication.class)
			.web(WebApplicationType.NONE)
			.run("--eccp.demo=true", "--eccp.data-dir=" + dataDir, "--logging.level.root=WARN",
					"--spring.main.banner-mode=off", "--eccp.command-line=true")) {
			run(context, target);
		}
		finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	static void run(ConfigurableApplicationContext context, int target) {
		Rollups rollups = context.getBean(Rollups.class);
		StatisticsQuery query = context.getBean(StatisticsQuery.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Random random = new Random(17);
		List<String> countries = new ArrayList<>(new TreeSet<>(CountryCode.EU_MEMBER_STATES));
		Offence[] offences = Offence.values();
		Instant start = YearMonth.of(2021, 1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		long span = YearMonth.of(2025, 12).atEndOfMonth().atStartOfDay().toInstant(ZoneOffset.UTC).getEpochSecond()
				- start.getEpochSecond();
		long began = System.nanoTime();
		int batch = 2_000;
		for (int done = 0; done < target; done += batch) {
			List<ReportFacts> facts = new ArrayList<>(batch);
			for (int i = 0; i < Math.min(batch, target - done); i++) {
				String unit = countries.get((int) Math.floor(Math.pow(random.nextDouble(), 1.6) * countries.size()));
				List<CountryCode> victims = random.nextInt(10) == 0
						? List.of(new CountryCode(unit), new CountryCode(countries.get(random.nextInt(countries.size()))))
						: List.of(new CountryCode(unit));
				Instant submitted = start.plusSeconds((long) (random.nextDouble() * span));
				Instant occurred = random.nextInt(5) == 0 ? null : submitted.minusSeconds(random.nextInt(90 * 86_400));
				BigDecimal loss = random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(500_000), 2) : null;
				String currency = loss == null ? null : random.nextInt(50) == 0 ? "BTC" : random.nextInt(5) == 0 ? "USD" : "EUR";
				facts.add(new ReportFacts(ReportId.random(), offences[random.nextInt(offences.length)], new CountryCode(unit),
						victims, occurred, submitted, loss, currency));
			}
			rollups.record(facts);
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		long cells = jdbc.sql("SELECT count(*) FROM statistics_cell").query(Long.class).single();
		System.out.printf(Locale.ROOT, "counted %,d reports in %.1f s (%,.0f reports/s); %,d roll-up rows%n", target,
				seconds, target / seconds, cells);

		YearMonth now = YearMonth.of(2025, 12);
		List<String[]> questions = List.of(
				new String[] { "reports by country, 12 months", "REPORTS", "REPORTED", "COUNTRY", "2025-01", "2025-12", null, null },
				new String[] { "phishing per country, 5 years", "REPORTS", "REPORTED", "COUNTRY", "2021-01", "2025-12", null, "PHISHING" },
				new String[] { "reports by country x month, 5 years", "REPORTS", "REPORTED", "COUNTRY,MONTH", "2021-01", "2025-12", null, null },
				new String[] { "victims by country x offence, 2 years", "VICTIMS", "OCCURRED", "COUNTRY,OFFENCE", "2024-01", "2025-12", null, null },
				new String[] { "losses by month, one country", "LOSSES", "REPORTED", "MONTH", "2021-01", "2025-12", "FR", null },
				new String[] { "incidents by ICCS x year", "INCIDENTS", "REPORTED", "ICCS,YEAR", "2021-01", "2025-12", null, null });
		for (String[] q : questions) {
			StatisticsRequest request = StatisticsRequest.parse(q[1], q[2], q[3], q[4], q[5], q[6], q[7], null, null, null, now);
			for (int i = 0; i < 20; i++) {
				query.publicTable(request, Locale.ENGLISH);
			}
			long[] times = new long[200];
			for (int i = 0; i < times.length; i++) {
				long t = System.nanoTime();
				query.publicTable(request, Locale.ENGLISH);
				times[i] = System.nanoTime() - t;
			}
			Arrays.sort(times);
			System.out.printf(Locale.ROOT, "%-40s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", q[0],
					times[100] / 1e6, times[190] / 1e6, times[198] / 1e6, times[199] / 1e6);
		}
	}
}
