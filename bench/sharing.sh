#!/usr/bin/env bash
# Sharing benchmark (issue 16): serves a collection of 2 x INDICATORS STIX objects page by page over TAXII 2.1 and
# imports a STIX bundle of BUNDLE_OBJECTS indicators, on a fresh embedded PostgreSQL.
# Usage: bench/sharing.sh [INDICATORS] [BUNDLE_OBJECTS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  eu.eccp.sharing.bench.SharingBenchmark "${1:-500000}" "${2:-100000}"
