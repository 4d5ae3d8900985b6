#!/usr/bin/env bash
# History import benchmark (docs/benchmarks.md): packages and starts the server on 127.0.0.1:${NBO_BENCH_PORT:-8086}
# against PostgreSQL database ${NBO_BENCH_DB:-nbo_bench_history} (its imported history emptied first), generates ROWS history rows (CSV: customer, offer, channel, time, outcome, amount) in
# parts of PART rows (each under the server's 16 MB body limit), posts every part to POST /api/history/imports and
# waits for the last job; prints rows, seconds and rows per second from the first post to the last part learned.
# Env: ROWS (1000000), PART (200000), CUSTOMERS (100000), OFFERS (50), SKIP_BUILD=1 to reuse target/quarkus-app,
#      SERVER_JAVA_OPTS (-Xmx1g -XX:+UseParallelGC), REPEAT=1 to post the same parts again (idempotence: 0 imported).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${NBO_BENCH_PORT:-8086}
DB=${NBO_BENCH_DB:-nbo_bench_history}
ROWS=${ROWS:-1000000}
PART=${PART:-200000}
CUSTOMERS=${CUSTOMERS:-100000}
OFFERS=${OFFERS:-50}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xmx1g -XX:+UseParallelGC"}
MARKETER_PASSWORD=${NBO_MARKETER_PASSWORD:-bench-marketer}
URL="http://127.0.0.1:${PORT}"
OUT=target/bench/history
LOG=target/bench/history-server.log
mkdir -p "$OUT"

NBO_PG_DATABASES="nbo $DB" deploy/local/ensure-postgres.sh
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -B -q package -DskipTests
fi

echo "Generating $ROWS rows in parts of $PART into $OUT"
rm -f "$OUT"/part-*.csv
awk -v rows="$ROWS" -v part="$PART" -v customers="$CUSTOMERS" -v offers="$OFFERS" -v out="$OUT" 'BEGIN {
  srand(42); split("email,sms,push,web,mobile-app", ch, ",");
  split("delivered,delivered,delivered,opened,opened,clicked,rejected,accepted,purchased", oc, ",");
  for (i = 0; i < rows; i++) {
    if (i % part == 0) { if (f) close(f); f = sprintf("%s/part-%03d.csv", out, i / part);
      print "customerId,offerId,channel,occurredAt,outcome,amount" > f }
    o = oc[int(rand() * 9) + 1]; t = 1735689600 + i * 7;
    printf "C%07d,OFFER-%03d,%s,%s,%s,%s\n", int(rand() * customers) + 1, int(rand() * offers) + 1,
      ch[int(rand() * 5) + 1], strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), o,
      (o == "purchased" ? sprintf("%.2f", rand() * 80 + 2) : "") > f
  }
}'
ls -la "$OUT" | tail -n +2

NBO_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
  NBO_MARKETER_PASSWORD=$MARKETER_PASSWORD NBO_ADMIN_PASSWORD=${NBO_ADMIN_PASSWORD:-bench-admin} \
  NBO_AGENT_PASSWORD=${NBO_AGENT_PASSWORD:-bench-agent} NBO_PSEUDONYM_KEY=${NBO_PSEUDONYM_KEY:-bench-pseudonym-key} \
  NBO_RULES_WRITE_THROUGH=false \
  java $SERVER_JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf "$URL/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "server died, see $LOG"; tail -20 "$LOG"; exit 1; }
  sleep 1
done
psql -q "postgresql://nbo:nbo@127.0.0.1:5432/$DB" \
  -c "truncate history_contact; delete from learning_count where source = 'import'" >/dev/null
echo "Load average before the import: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))"

run() { # label
  local t0 t1 last
  t0=$(date +%s.%N)
  for f in "$OUT"/part-*.csv; do   # queued at once; the server imports them one after another
    last=$(curl -sf -u "marketer:$MARKETER_PASSWORD" -H 'Content-Type: text/csv' --data-binary @"$f" \
      "$URL/api/history/imports" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  done
  until curl -sf -u "marketer:$MARKETER_PASSWORD" "$URL/api/history/imports/$last" | grep -Eq '"phase":"(done|failed)"'; do
    sleep 0.2
  done
  t1=$(date +%s.%N)
  local job
  job=$(curl -sf -u "marketer:$MARKETER_PASSWORD" "$URL/api/history/imports/$last")
  echo "$1: $ROWS rows in $(echo "$t1 - $t0" | bc) s = $(echo "$ROWS / ($t1 - $t0)" | bc) rows/s; last part: $(echo "$job" | grep -o '"lines":[0-9]*,"imported":[0-9]*,"duplicates":[0-9]*,"rejected":[0-9]*')"
}
run "import"
[ "${REPEAT:-0}" = "1" ] && run "again (idempotent)"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
