#!/usr/bin/env bash
# Statistics benchmark (issue 17): counts REPORTS generated reports through the roll-up path on a fresh embedded
# PostgreSQL, then times the statistics questions (p50/p95/p99/max of 200 each).
# Usage: bench/statistics.sh [REPORTS]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -DskipTests test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  eu.eccp.statistics.bench.StatisticsLoadBenchmark "${1:-1000000}"
