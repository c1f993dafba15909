#!/usr/bin/env bash
# Correlation load benchmark (issue 5): loads SIGHTINGS synthetic sightings through the platform's own
# ingest path on a fresh embedded PostgreSQL and prints ingest rate, raw insert rate, size per sighting
# and search/lookup latency. Usage: bench/correlation.sh [SIGHTINGS] [RECORDS_PER_BATCH] [PARALLEL_INGESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  eu.eccp.correlation.bench.CorrelationLoadBenchmark "${1:-10000000}" "${2:-500}" "${3:-2}"
