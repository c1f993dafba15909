#!/usr/bin/env bash
# Bulk import load test (issue 3): builds the jar if needed, starts the platform in demo mode on a fresh
# embedded database with a deliberately small heap (-Xmx256m, so memory exhaustion would show), generates
# a ROWS-line NDJSON or CSV file (5% of the rows invalid), uploads it as bank.partner through
# POST /api/v1/reports/bulk and reports rows per second from the job's own timestamps.
# Usage: bench/bulk-import.sh [ROWS] [ndjson|csv]      (defaults: 100000 ndjson)
set -euo pipefail
ROWS=${1:-100000}
FORMAT=${2:-ndjson}
PORT=${PORT:-18080}
cd "$(dirname "$0")/.."
[ -f target/eccp.jar ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d /tmp/eccp-bulk-XXXX)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

python3 - "$ROWS" "$FORMAT" "$WORK/reports.$FORMAT" <<'PY'
import json, random, sys, csv
rows, fmt, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
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
        "details": {"urls": ["https://login-%d.bank-secure.example/verify" % (i % 5000)], "emails": ["alert%d@bank-secure.example" % (i % 900)]},
        "organisationReference": "BANK-%08d" % i,
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
echo "file: $(du -h "$WORK/reports.$FORMAT" | cut -f1) $FORMAT, $ROWS rows"

java -Xmx256m -jar target/eccp.jar --eccp.demo=true --eccp.data-dir="$WORK/data" --server.port=$PORT > "$WORK/app.log" 2>&1 &
PID=$!
until curl -sf localhost:$PORT/actuator/health/readiness >/dev/null; do sleep 0.5; done
TOKEN=$(curl -s -X POST localhost:$PORT/api/v1/auth/token -H 'Content-Type: application/json' \
  -d '{"username":"bank.partner","password":"demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
TYPE=$([ "$FORMAT" = csv ] && echo text/csv || echo application/x-ndjson)
JOB=$(curl -s -X POST "localhost:$PORT/api/v1/reports/bulk?fileName=reports.$FORMAT" -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: $TYPE" --data-binary @"$WORK/reports.$FORMAT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
PEAK=0
while true; do
  STATUS=$(curl -s "localhost:$PORT/api/v1/reports/bulk/$JOB" -H "Authorization: Bearer $TOKEN")
  STATE=$(echo "$STATUS" | python3 -c 'import json,sys; print(json.load(sys.stdin)["job"]["state"])')
  RSS=$(ps -o rss= -p $PID | tr -d ' '); [ "$RSS" -gt "$PEAK" ] && PEAK=$RSS
  case "$STATE" in COMPLETED|FAILED) break;; esac
  sleep 1
done
echo "$STATUS" | python3 -c '
import json, sys
from datetime import datetime
s = json.load(sys.stdin)["job"]
t = lambda v: datetime.fromisoformat(v.replace("Z", "+00:00"))
secs = (t(s["finishedAt"]) - t(s["createdAt"])).total_seconds()
print("state %s: %d rows, %d accepted, %d rejected in %.1f s = %.0f rows/s" % (s["state"], s["rowsDone"], s["accepted"], s["rejected"], secs, s["rowsDone"] / secs))'
echo "peak resident memory of the platform JVM (-Xmx256m): $((PEAK / 1024)) MiB"
