#!/usr/bin/env bash
# Bulk import load test (issues 3, 10, 11): builds the jar if needed, starts the platform in demo mode on a
# fresh embedded database with a deliberately small heap (-Xmx256m, so memory exhaustion would show),
# generates a ROWS-line NDJSON or CSV file (5% of the rows invalid; every row has its own
# organisationReference; rows share web addresses across victim countries, so hits are created), uploads it
# as bank.partner through POST /api/v1/reports/bulk and follows the job through its phases (stored,
# indicators extracted, correlated, hits) until every row is correlated. Meanwhile another user (fr.analyst)
# calls GET /api/v1/me five times a second; the script reports that user's latencies.
# Usage: bench/bulk-import.sh [ROWS] [ndjson|csv]      (defaults: 100000 ndjson)
set -euo pipefail
ROWS=${1:-100000}
FORMAT=${2:-ndjson}
PORT=${PORT:-18080}
cd "$(dirname "$0")/.."
[ -f target/eccp.jar ] || mvn -B -q -DskipTests package
JAVA_OPTS=${JAVA_OPTS:-}
WORK=$(mktemp -d /tmp/eccp-bulk-XXXX)
trap 'cp "$WORK/app.log" /tmp/bench-app.log 2>/dev/null; kill $PROBE 2>/dev/null || true; kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
PROBE=; PID=

WARMUP=${WARMUP:-0}
generate() {
python3 - "$1" "$FORMAT" "$2" "$3" "$4" <<'PY'
import json, random, sys, csv
rows, fmt, path, prefix, domain = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
random.seed(7)
offences = ["PHISHING", "FRAUD_SHOPPING", "FRAUD_INVESTMENT", "IDENTITY_THEFT", "FRAUD_CEO_BEC", "MALWARE_RANSOMWARE"]
countries = ["FR", "DE", "BE", "NL", "IT", "ES", "PL", "PT", "IE", "AT", "SE", "US", "GB", "CH"]
def row(i):
    bad = i % 20 == 0
    return {
        "offence": "NOT_AN_OFFENCE" if bad else random.choice(offences),
        "victimCountries": random.sample(countries, random.randint(1, 2)),
        "residenceCountry": random.choice(countries),
        "occurredAt": "2026-%02d-%02dT%02d:%02d" % (random.randint(1, 11), random.randint(1, 28), random.randint(0, 23), random.randint(0, 59)),
        "timeZone": "Europe/Paris",
        "loss": {"amount": "%d.%02d" % (random.randint(1, 90000), random.randint(0, 99)), "currency": "EUR", "paymentMethod": "bank transfer"},
        "description": "Customer %d reports a message pretending to be the bank, with a link to a fake login page and a request to confirm a payment of the amount shown." % i,
        "details": {"urls": ["https://login-%d.%s/verify" % (i % 5000, domain)], "emails": ["alert%d@%s" % (i % 900, domain)]},
        "organisationReference": "%s-%08d" % (prefix, i),
    }
with open(path, "w", newline="") as out:
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(["offence", "description", "victimCountries", "residenceCountry", "occurredAt", "timeZone", "lossAmount", "lossCurrency", "paymentMethod", "urls", "emails", "organisationReference"])
        for i in range(1, rows + 1):
            r = row(i)
            w.writerow([r["offence"], r["description"], ";".join(r["victimCountries"]), r["residenceCountry"], r["occurredAt"], r["timeZone"], r["loss"]["amount"], r["loss"]["currency"], r["loss"]["paymentMethod"], ";".join(r["details"]["urls"]), ";".join(r["details"]["emails"]), r["organisationReference"]])
    else:
        for i in range(1, rows + 1):
            out.write(json.dumps(row(i)) + "\n")
PY
}
generate "$ROWS" "$WORK/reports.$FORMAT" BANK bank-secure-verify.xyz
# WARMUP=N: an import of N other rows (their own references and domain, so they link nothing of the measured file)
# runs first and is reported on its own, so that the measured import meets a platform whose code is compiled
[ "$WARMUP" -gt 0 ] && generate "$WARMUP" "$WORK/warmup.$FORMAT" WARM warm-up-verify.xyz
echo "file: $(du -h "$WORK/reports.$FORMAT" | cut -f1) $FORMAT, $ROWS rows"

# STATEMENTS=1: PostgreSQL's statement profile of the import (pg_stat_statements, printed at the end; needs psql)
[ -n "${STATEMENTS:-}" ] && JAVA_OPTS="$JAVA_OPTS -Deccp.embedded-database.statement-statistics=true"
java -Xmx256m $JAVA_OPTS -jar target/eccp.jar --eccp.demo=true --eccp.data-dir="$WORK/data" --server.port=$PORT > "$WORK/app.log" 2>&1 &
PID=$!
until curl -sf localhost:$PORT/actuator/health/readiness >/dev/null; do sleep 0.5; done
TOKEN=$(curl -s -X POST localhost:$PORT/api/v1/auth/token -H 'Content-Type: application/json' \
  -d '{"username":"bank.partner","password":"demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
OTHER=$(curl -s -X POST localhost:$PORT/api/v1/auth/token -H 'Content-Type: application/json' \
  -d '{"username":"fr.analyst","password":"demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
# another user's requests during the import: one every 200 ms, bounded to 30 minutes
( for _ in $(seq 1 9000); do
    curl -s -o /dev/null -w '%{time_total}\n' -m 30 "localhost:$PORT/api/v1/me" -H "Authorization: Bearer $OTHER" >> "$WORK/latency.txt"
    sleep 0.2
  done ) &
PROBE=$!
PGPORT=$(sed -n 4p "$WORK/data/postgres/postmaster.pid" 2>/dev/null || true)
statements() { psql -q -h localhost -p "$PGPORT" -U postgres -d "${2:-postgres}" -At -F ' | ' -c "$1"; }
if [ -n "${STATEMENTS:-}" ]; then
  statements "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
  statements "SELECT pg_stat_statements_reset()" >/dev/null
fi
# CPU seconds (user + system) of the platform's JVM and of PostgreSQL's processes (the postmaster and its children)
PGMASTER=$(sed -n 1p "$WORK/data/postgres/postmaster.pid" 2>/dev/null || true)
cpu() { local t=0; for p in "$@"; do [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat))); done; echo $t; }
pgcpu() { cpu $PGMASTER $(pgrep -P "$PGMASTER" 2>/dev/null); }
PEAK=0
TICK=$(getconf CLK_TCK)
import_file() {  # FILE LABEL
JCPU0=$(cpu $PID); PGCPU0=$(pgcpu)
START=$(date +%s.%N)
TYPE=$([ "$FORMAT" = csv ] && echo text/csv || echo application/x-ndjson)
JOB=$(curl -s -X POST "localhost:$PORT/api/v1/reports/bulk?fileName=$(basename "$1")" -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: $TYPE" --data-binary @"$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
while true; do
  STATUS=$(curl -s "localhost:$PORT/api/v1/reports/bulk/$JOB" -H "Authorization: Bearer $TOKEN")
  RSS=$(ps -o rss= -p $PID | tr -d ' '); [ "$RSS" -gt "$PEAK" ] && PEAK=$RSS
  DONE=$(echo "$STATUS" | python3 -c '
import json, sys
j = json.load(sys.stdin)["job"]
print("done" if j["state"] == "FAILED" or (j["state"] == "COMPLETED" and j["correlated"] >= j["queued"]) else "")')
  [ -n "$DONE" ] && break
  sleep 0.25
done
END=$(date +%s.%N)
JCPU1=$(cpu $PID); PGCPU1=$(pgcpu)
echo "$STATUS" | LABEL=$2 START=$START END=$END python3 -c '
import json, os, sys
s = json.load(sys.stdin)["job"]
secs = float(os.environ["END"]) - float(os.environ["START"])
print("%s: state %s: %d rows read, %d accepted, %d rejected; %d new reports: %d extracted, %d correlated, %d hits" % (
    os.environ["LABEL"], s["state"], s["rowsDone"], s["accepted"], s["rejected"], s["queued"], s["extracted"], s["correlated"], s["hits"]))
print("end to end (upload, store, extract, correlate, hits): %.1f s = %.0f rows/s" % (secs, s["rowsDone"] / secs))'
curl -s "localhost:$PORT/api/v1/reports/bulk/$JOB/rejections?size=3" -H "Authorization: Bearer $TOKEN" | python3 -c '
import json, sys
print("first rejections:", "; ".join("line %d: %s" % (r["line"], r["reason"]) for r in json.load(sys.stdin)["items"]))'
python3 - "$WORK/latency.txt" <<'PY'
import sys
v = sorted(float(x) * 1000 for x in open(sys.argv[1]) if x.strip())
if v:
    print("another user's GET /api/v1/me during the import: %d requests, p50 %.0f ms, p99 %.0f ms, max %.0f ms" % (
        len(v), v[len(v) // 2], v[min(len(v) - 1, int(len(v) * 0.99))], v[-1]))
PY
awk -v j=$((JCPU1 - JCPU0)) -v p=$((PGCPU1 - PGCPU0)) -v t=$TICK 'BEGIN { printf "CPU time of this import: platform JVM %.1f s, PostgreSQL %.1f s\n", j / t, p / t }'
}
if [ "$WARMUP" -gt 0 ]; then
  import_file "$WORK/warmup.$FORMAT" warm-up
  if [ -n "${STATEMENTS:-}" ]; then statements "SELECT pg_stat_statements_reset()" >/dev/null; fi
  : > "$WORK/latency.txt"
fi
import_file "$WORK/reports.$FORMAT" measured
kill $PROBE 2>/dev/null || true
echo "peak resident memory of the platform JVM (-Xmx256m): $((PEAK / 1024)) MiB"
if [ -n "${STATEMENTS:-}" ]; then
  echo "PostgreSQL statements by total time (s | calls | rows | statement):"
  statements "SELECT round(total_exec_time::numeric / 1000, 1), calls, rows, regexp_replace(left(query, 120), '\s+', ' ', 'g')
    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15"
  echo "tables by rows written (inserted | updated | of them HOT | deleted | table):"
  statements "SELECT n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, relname
    FROM pg_stat_user_tables ORDER BY n_tup_ins + n_tup_upd + n_tup_del DESC LIMIT 15" eccp
fi
