#!/usr/bin/env bash
# Event ingest benchmark (docs/benchmarks.md, "Event ingest"): packages and starts the server on
# 127.0.0.1:${NBO_BENCH_PORT:-8086} against PostgreSQL database nbo_bench_events with N sample customers, the shipped
# tables (segment and trigger tables included) and the default contact policy, then POSTs generated events
# (deploy/bench/events-load.py) with an API key:
#   1. batches of ${BATCH} events per call at ${CONCURRENCY} concurrent callers, and
#   2. single events at ${CONCURRENCY} concurrent callers,
# each for DURATION seconds, and prints events/s, call latency p50/p99, errors, the server's CPU from /proc and what
# the run left in the database (events, outbox entries by status, segment memberships).
# Everything is on: dedup by id, aggregates, consents, segment re-evaluation, offer completion, trigger firing
# (decided through the standard pipeline and logged, into the outbox).
# Env: NBO_BENCH_DB (nbo_bench_events), NBO_BENCH_CUSTOMERS (10000), NBO_BENCH_PORT (8086), DURATION (20),
#      CONCURRENCY (4), BATCH (100), SEED (7), SKIP_BUILD=1 to reuse target/quarkus-app,
#      SERVER_JAVA_OPTS (-Xmx1g -XX:+UseParallelGC).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${NBO_BENCH_PORT:-8086}
DB=${NBO_BENCH_DB:-nbo_bench_events}
CUSTOMERS=${NBO_BENCH_CUSTOMERS:-10000}
DURATION=${DURATION:-20}
CONCURRENCY=${CONCURRENCY:-4}
BATCH=${BATCH:-100}
SEED=${SEED:-7}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xmx1g -XX:+UseParallelGC"}
URL="http://127.0.0.1:${PORT}"
LOG=target/bench/events-server.log
mkdir -p target/bench

# A fresh database each run: samples, aggregates and migrations from an earlier build never skew (or stop) this one.
PGPASSWORD=${NBO_DB_PASSWORD:-nbo} dropdb -h 127.0.0.1 -U "${NBO_DB_USER:-nbo}" --if-exists "$DB" 2>/dev/null || true
NBO_PG_DATABASES="nbo $DB" deploy/local/ensure-postgres.sh
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -B -q package -DskipTests
fi
export NBO_BENCH_API_KEY=${NBO_BENCH_API_KEY:-nbo-bench-key}
BENCH_KEY_HASH=$(printf %s "$NBO_BENCH_API_KEY" | sha256sum | cut -d" " -f1)
echo "Load average before start: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))"
NBO_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
  NBO_SAMPLE_DATA_ENABLED=true NBO_SAMPLE_DATA_CUSTOMERS=$CUSTOMERS NBO_SAMPLE_DATA_SEED=42 \
  NBO_RULES_WRITE_THROUGH=false NBO_JOURNAL_DIR=target/bench/events-journal \
  NBO_MARKETER_PASSWORD=bench-marketer NBO_ADMIN_PASSWORD=bench-admin NBO_AGENT_PASSWORD=bench-agent \
  NBO_PSEUDONYM_KEY=bench-pseudonym-key NBO_API_KEYS="bench:$BENCH_KEY_HASH" \
  java $SERVER_JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  curl -sf "$URL/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "server died, see $LOG"; tail -20 "$LOG"; exit 1; }
  sleep 1
done
curl -sf "$URL/q/health/ready" >/dev/null || { echo "server not ready, see $LOG"; exit 1; }
ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
HZ=$(getconf CLK_TCK)
run() { # label, batch, seed
  local t0 c0 t1 c1 out
  t0=$(date +%s.%N); c0=$(ticks)
  out=$(python3 deploy/bench/events-load.py "$URL" "$NBO_BENCH_API_KEY" "$CUSTOMERS" "$DURATION" "$CONCURRENCY" "$2" "$3")
  t1=$(date +%s.%N); c1=$(ticks)
  printf '%-34s %s server_cpu_cores=%.2f loadavg=%s\n' "$1" "${out#RESULT }" \
    "$(echo "($c1 - $c0) / $HZ / ($t1 - $t0)" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
}
echo "Warm-up: 5 s of batches, not reported"
python3 deploy/bench/events-load.py "$URL" "$NBO_BENCH_API_KEY" "$CUSTOMERS" 5 "$CONCURRENCY" "$BATCH" 1 >/dev/null
echo "--- results (nproc $(nproc), $CUSTOMERS customers, concurrency $CONCURRENCY) ---"
run "batches of $BATCH" "$BATCH" "$SEED"
run "single events" 1 "$((SEED + 1))"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
psql -h 127.0.0.1 -U nbo -d "$DB" -Atc "select 'events stored: ' || count(*) from customer_event" 2>/dev/null || true
psql -h 127.0.0.1 -U nbo -d "$DB" -Atc "select 'outbox ' || status || ': ' || count(*) from offer_outbox group by status order by status" 2>/dev/null || true
psql -h 127.0.0.1 -U nbo -d "$DB" -Atc "select 'segment memberships: ' || count(*) from customer_segment" 2>/dev/null || true
