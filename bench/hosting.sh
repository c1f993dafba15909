#!/usr/bin/env bash
# Hosting benchmark (issue 14): imports full IP data files with `java -jar eccp.jar ip-data import` on a fresh
# embedded database (timed), then starts the platform in demo mode on that database and looks up N random
# addresses of the imported ranges through GET /api/v1/hosting/lookup as fr.analyst (one keep-alive
# connection; each lookup is two index probes per dataset plus the audit entry), reporting p50 / p99 / max.
# Usage: bench/hosting.sh DIR [N]
#   DIR holds the full files, e.g. unpacked from `npm pack @ip-location-db/asn @ip-location-db/geo-whois-asn-country`
#   (asn-ipv4.csv, asn-ipv6.csv, geo-whois-asn-country-ipv4.csv, geo-whois-asn-country-ipv6.csv) and optionally
#   RIR delegated-*-extended-latest files. N defaults to 2000.
set -euo pipefail
DIR=${1:?usage: bench/hosting.sh DIR [N]}
N=${2:-2000}
PORT=${PORT:-18141}
cd "$(dirname "$0")/.."
[ -f target/eccp.jar ] || mvn -B -q -DskipTests package
WORK=$(mktemp -d /tmp/eccp-hosting-XXXX)
PID=
trap 'cp "$WORK/app.log" /tmp/bench-hosting-app.log 2>/dev/null || true; [ -n "$PID" ] && kill $PID 2>/dev/null; [ -n "$PID" ] && wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
FILES=$(ls "$DIR"/*.csv "$DIR"/delegated-* 2>/dev/null | grep -v -- '-num.csv' || true)
echo "files: $(echo $FILES | wc -w), $(cat $FILES | wc -l) lines"
START=$(date +%s.%N)
java -jar target/eccp.jar ip-data import $FILES --eccp.data-dir="$WORK/data"
END=$(date +%s.%N)
echo "import: $(python3 -c "print(round($END - $START, 1))") s (including the platform's start for the command)"
java -jar target/eccp.jar --server.port=$PORT --eccp.data-dir="$WORK/data" --eccp.demo=true --eccp.hosting.dns.fixed-only=true >"$WORK/app.log" 2>&1 &
PID=$!
for i in $(seq 1 180); do curl -sf localhost:$PORT/actuator/health/readiness >/dev/null && break; sleep 1; done
python3 - "$PORT" "$N" $FILES <<'PY'
import http.client, json, random, sys, time, ipaddress, csv
port, n, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
ranges = []
for f in files:
    if f.endswith(".csv"):
        with open(f) as fh:
            for row in csv.reader(fh):
                ranges.append((row[0], row[1]))
random.seed(14)
def pick():
    a, b = random.choice(ranges)
    lo, hi = int(ipaddress.ip_address(a)), int(ipaddress.ip_address(b))
    return str(ipaddress.ip_address(random.randint(lo, hi)))
c = http.client.HTTPConnection("localhost", port)
c.request("POST", "/api/v1/auth/token", json.dumps({"username": "fr.analyst", "password": "demo"}), {"Content-Type": "application/json"})
token = json.loads(c.getresponse().read())["token"]
times, found = [], 0
for i in range(n):
    ip = pick()
    t = time.perf_counter()
    c.request("GET", "/api/v1/hosting/lookup?url=" + ip, headers={"Authorization": "Bearer " + token})
    r = c.getresponse(); body = json.loads(r.read())
    times.append((time.perf_counter() - t) * 1000)
    assert r.status == 200, (r.status, body)
    found += 1 if body.get("country") or body.get("asn") else 0
times.sort()
print("lookups: %d, with a country or AS: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (n, found, times[n // 2], times[int(n * 0.99)], times[-1]))
PY
