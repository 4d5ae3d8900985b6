#!/usr/bin/env bash
# Customer import benchmark (docs/benchmarks.md): packages and starts the server on 127.0.0.1:${NBO_BENCH_PORT:-8096}
# against a fresh PostgreSQL database nbo_bench_import, generates N customers as CSV (built-in fields, name, e-mail,
# phone and three custom attributes), declares the attributes, imports the file with POST /api/customers/imports and
# follows the job until it is done; then imports the same file again (idempotent: nothing changes) and prints both
# times, rows per second, and the server's peak resident memory.
# Env: NBO_BENCH_CUSTOMERS (1000000), NBO_BENCH_PORT (8096), NBO_BENCH_DB (nbo_bench_import),
#      SERVER_JAVA_OPTS (-Xmx1g -XX:+UseParallelGC), SKIP_BUILD=1 to reuse target/quarkus-app, AGAIN=0 to skip the
#      second import.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${NBO_BENCH_PORT:-8096}
CUSTOMERS=${NBO_BENCH_CUSTOMERS:-1000000}
DB=${NBO_BENCH_DB:-nbo_bench_import}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xmx1g -XX:+UseParallelGC"}
ADMIN=${NBO_ADMIN_PASSWORD:-bench-admin}
URL="http://127.0.0.1:${PORT}"
LOG=target/bench/import-server.log
FILE=target/bench/customers-$CUSTOMERS.csv
mkdir -p target/bench

PGPASSWORD=${NBO_DB_PASSWORD:-nbo} dropdb -h 127.0.0.1 -U "${NBO_DB_USER:-nbo}" --if-exists "$DB" || true
NBO_PG_DATABASES="nbo $DB" deploy/local/ensure-postgres.sh
[ "${SKIP_BUILD:-0}" = "1" ] || ./mvnw -B -q package -DskipTests

if [ ! -f "$FILE" ]; then
  echo "Generating $CUSTOMERS customers into $FILE"
  awk -v n="$CUSTOMERS" 'BEGIN {
    srand(42); split("Ann Bob Carla Dan Eve Femi Gita Hal Ines Jon", first, " ");
    split("Smith Jones Okafor Garcia Chen Novak Silva Brown Khan Meyer", last, " ");
    split("Europe/London Europe/Paris UTC America/New_York", zones, " "); split("bronze silver gold", tiers, " ");
    print "id,name,email,phone,age,gender,country,timeZone,consents,lifecycleStage,frequency,monetary,income,membership_date,loyalty_tier";
    for (i = 1; i <= n; i++) {
      f = first[1 + int(rand() * 10)]; l = last[1 + int(rand() * 10)];
      printf "C%07d,%s %s,%s.%s%d@example.com,+44 20 %04d %04d,%d,%s,GB,%s,\"email,sms\",active,%d,%.2f,%d,%04d-%02d-%02d,%s\n",
        i, f, l, tolower(f), tolower(l), i, int(rand() * 10000), i % 10000, 18 + int(rand() * 70),
        (rand() < 0.5 ? "female" : "male"), zones[1 + int(rand() * 4)], int(rand() * 50), rand() * 2000,
        20000 + int(rand() * 80000), 2010 + int(rand() * 15), 1 + int(rand() * 12), 1 + int(rand() * 28),
        tiers[1 + int(rand() * 3)];
    } }' > "$FILE"
fi
echo "File: $FILE, $(du -h "$FILE" | cut -f1), $(($(wc -l < "$FILE") - 1)) customers"

echo "Load average before start: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))"
NBO_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
  NBO_SAMPLE_DATA_ENABLED=false NBO_RULES_WRITE_THROUGH=false NBO_ADMIN_PASSWORD=$ADMIN \
  NBO_MARKETER_PASSWORD=bench-marketer NBO_AGENT_PASSWORD=bench-agent NBO_PSEUDONYM_KEY=bench-pseudonym-key \
  NBO_JOURNAL_DIR=target/bench/import-journal \
  java $SERVER_JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "$URL/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "server died, see $LOG"; tail -20 "$LOG"; exit 1; }
  sleep 1
done
for a in '{"name":"income","type":"number"}' '{"name":"membership_date","type":"date"}' \
         '{"name":"loyalty_tier","type":"choice","values":["bronze","silver","gold"]}'; do
  curl -sf -u "admin:$ADMIN" -H 'content-type: application/json' -d "$a" "$URL/api/attributes" >/dev/null
done

run() {
  local label=$1 start end job status
  start=$(date +%s.%N)
  job=$(curl -sS -u "admin:$ADMIN" -H 'content-type: text/csv' --data-binary @"$FILE" "$URL/api/customers/imports" \
    | tee target/bench/import-submitted.json | sed -E 's/^\{"id":"([^"]+)".*/\1/')
  echo "$label: job $job submitted after $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
  while true; do
    status=$(curl -sS -u "admin:$ADMIN" "$URL/api/customers/imports/$job" || true)
    case "$status" in *'"phase":"DONE"'*|*'"phase":"FAILED"'*) break ;; esac
    sleep 0.5
  done
  end=$(date +%s.%N)
  echo "$label: $(echo "$status" | sed -E 's/"rejections":\[[^]]*\],?//' | cut -c1-400)"
  awk -v s="$start" -v e="$end" -v n="$CUSTOMERS" -v l="$label" \
    'BEGIN { printf "%s: %d customers in %.1f s (upload + import) = %.0f customers/s\n", l, n, e - s, n / (e - s) }'
}
run "first import"
[ "${AGAIN:-1}" = "0" ] || run "same file again"
# The call-centre search on the imported customers: each key, timed by curl (second call of each, warm).
for q in "C0500000" "okafo" "femi.garcia12@" "7946 4242"; do
  curl -s -o /dev/null -u "admin:$ADMIN" -G --data-urlencode "q=$q" "$URL/api/customers/search"
  curl -s -o /tmp/nbo-search.json -w "search q='$q': %{time_total} s, " -u "admin:$ADMIN" -G --data-urlencode "q=$q" \
    "$URL/api/customers/search"
  echo "$(grep -o '"matchedBy":"[^"]*"' /tmp/nbo-search.json), $(grep -o '"id"' /tmp/nbo-search.json | wc -l) shown"
done
echo "Server peak resident memory: $(grep VmHWM /proc/$SERVER/status | awk '{print $2/1024 " MiB"}')"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
