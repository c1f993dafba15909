#!/usr/bin/env bash
# Indicator extraction as whole processes (see docs/benchmarks.md, "Extraction as a process"):
#  1. peak memory (maximum resident set size) of `java -jar target/eccp.jar extract FILE` on a generated text
#     file of BIG MiB (default 1024): it must stay under 256 MB whatever the size, since extraction streams;
#  2. CPU time (user + system) and wall time of the same command against the npm package ioc-extractor 8.2.0
#     (its own CLI, `ioc-extractor < FILE`, in Node) on a file of PEER MiB (default 100).
# Usage: bench/extraction.sh [BIG] [PEER] (PEER 0: no comparison, BIG 0: no memory run). Needs java 17, node + npm (the peer is installed under $WORK once),
# GNU time (/usr/bin/time). The files are the benchmark's prose (BenchmarkInputs via CorpusFile): English,
# French and German with an indicator about every 200 bytes, a fifth of them defanged, all distinct.
set -euo pipefail
cd "$(dirname "$0")/.."
BIG=${1:-1024}
PEER=${2:-100}
WORK=${WORK:-/tmp/eccp-extraction-bench}
JAR=target/eccp.jar
mkdir -p "$WORK"

[ -f "$JAR" ] || mvn -B -q -DskipTests package
[ -f target/test-classes/eu/eccp/indicators/bench/CorpusFile.class ] || mvn -B -q -DskipTests test-compile

corpus() { # MiB -> file
  local file="$WORK/corpus-$1.txt"
  [ -f "$file" ] || java -cp target/test-classes eu.eccp.indicators.bench.CorpusFile "$file" "$1" >&2
  [ -f "$file" ] || { echo "could not generate $file" >&2; exit 1; }
  echo "$file"
}

measure() { # label, command... ; prints user+sys, wall and peak RSS
  local label=$1; shift
  local out="$WORK/time.txt"
  /usr/bin/time -o "$out" -f "%U %S %e %M" "$@" > "$WORK/out.jsonl"
  read -r user sys wall rss < "$out"
  local lines
  lines=$(wc -l < "$WORK/out.jsonl")
  printf '%-34s cpu %7.2f s (user %.2f + sys %.2f)  wall %6.2f s  peak RSS %5d MB  %s lines out\n' \
    "$label" "$(echo "$user + $sys" | bc)" "$user" "$sys" "$wall" $((rss / 1024)) "$lines"
  echo "$(echo "$user + $sys" | bc)" > "$WORK/last-cpu.txt"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -d "$WORK/peer/node_modules/ioc-extractor" ]; then
  npm install --silent --prefix "$WORK/peer" ioc-extractor@8.2.0 > /dev/null
fi
PEER_CLI="$WORK/peer/node_modules/ioc-extractor/dist/bin/ioc-extractor.mjs"

if [ "$PEER" != 0 ]; then
small=$(corpus "$PEER")
measure "eccp extract, $PEER MiB" java -jar "$JAR" extract "$small"
eccp=$(cat "$WORK/last-cpu.txt")
measure "ioc-extractor 8.2.0, $PEER MiB" sh -c "node '$PEER_CLI' < '$small'"
peer=$(cat "$WORK/last-cpu.txt")
printf 'CPU time: ECCP uses %.2fx less than the peer\n' "$(echo "scale=4; $peer / $eccp" | bc)"
fi

if [ "$BIG" != 0 ]; then
  big=$(corpus "$BIG")
  measure "eccp extract, $BIG MiB" java -jar "$JAR" extract "$big"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
