#!/usr/bin/env bash
# HTTP load benchmark (docs/benchmarks.md): packages and starts the server on 127.0.0.1:${NBO_BENCH_PORT:-8085}
# against PostgreSQL database nbo_bench, loads N synthetic customers once, then drives POST /api/decisions
#   1. at fixed concurrency with wrk (closed loop, ${CONNECTIONS} connections), and
#   2. at a fixed rate with an open-loop Java client (latency from the intended send time),
#   3. on a warm hot set: every customer C1..C${HOT_SET} decided once, then wrk over those ids only,
# and prints throughput, p50/p99/p99.9, errors, and the server's CPU and memory from /proc.
# WORKLOAD=sample (default): the shipped tables (decision-tables/, rules/) and the 33 sample offers, database nbo_bench.
# WORKLOAD=generated: the core benchmark's io.nbo.bench.Workload (WORKLOAD_OFFERS=1000 offers, WORKLOAD_ROWS=5000 rows,
#      WORKLOAD_SEED=42, customers from CustomerGenerator with the same seed) put in through the admin API after start
#      (io.nbo.bench.HttpWorkload: POST /api/offers, PUT /api/rulesets/generated-42.drl.csv beside the sample tables),
#      database nbo_bench_generated; uploads are not written through into the repository's decision-tables/.
# Env: NBO_BENCH_DB (per workload; another name keeps parallel runs apart), NBO_BENCH_CUSTOMERS (100000), NBO_BENCH_SPREAD (ids requests pick from; all customers), NBO_BENCH_PORT (8085), DURATION seconds per phase (30), CONNECTIONS (32),
#      WRK_THREADS (1), RATES fixed rates to try, in increasing order ("2000 5000"; stops after the first the server
#      cannot keep), HOT_SET (5000; 0 skips the phase), SERVER_CPUS cpu list to pin the server to (all),
#      SERVER_JAVA_OPTS (-Xmx1g -XX:+UseParallelGC), SKIP_BUILD=1 to reuse target/quarkus-app,
#      JFR=1 to record the server (JFR profile settings) during the fixed-concurrency phase into target/bench/.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${NBO_BENCH_PORT:-8085}
CUSTOMERS=${NBO_BENCH_CUSTOMERS:-100000}
SPREAD=${NBO_BENCH_SPREAD:-$CUSTOMERS}   # requests pick ids among the first SPREAD customers (a hot set if smaller)
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
RATES=${RATES:-"2000 5000"}
HOT_SET=${HOT_SET:-5000}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xmx1g -XX:+UseParallelGC"}
WORKLOAD=${WORKLOAD:-sample}
SEED=${WORKLOAD_SEED:-42}
ADMIN_PASSWORD=${NBO_ADMIN_PASSWORD:-bench-admin}
case "$WORKLOAD" in
  sample) DB=${NBO_BENCH_DB:-nbo_bench}; WRITE_THROUGH=true ;;
  generated) DB=${NBO_BENCH_DB:-nbo_bench_generated}; WRITE_THROUGH=false ;;
  *) echo "WORKLOAD must be sample or generated, got '$WORKLOAD'"; exit 2 ;;
esac
URL="http://127.0.0.1:${PORT}"
LOG=target/bench/http-server.log
mkdir -p target/bench

command -v wrk >/dev/null || { echo "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
NBO_PG_DATABASES="nbo $DB" deploy/local/ensure-postgres.sh
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -B -q package -DskipTests
fi
# The fixed-rate client lives with the benchmarks (profile 'bench', its own build folder).
./mvnw -B -q -Pbench process-classes
BENCH_CP="target/bench-build/classes:$(cat target/bench-build/bench.classpath)"

pin=()
[ -n "${SERVER_CPUS:-}" ] && pin=(taskset -c "$SERVER_CPUS")
# Decisions are asked for as a channel client would: with an API key (the server keeps only its SHA-256).
export NBO_BENCH_API_KEY=${NBO_BENCH_API_KEY:-nbo-bench-key}
BENCH_KEY_HASH=$(printf %s "$NBO_BENCH_API_KEY" | sha256sum | cut -d" " -f1)
echo "Load average before start: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))"
echo "Starting the server on $URL ($WORKLOAD workload, database $DB, $CUSTOMERS customers of seed $SEED, requests spread over $SPREAD); log in $LOG"
NBO_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
  NBO_SAMPLE_DATA_ENABLED=true NBO_SAMPLE_DATA_CUSTOMERS=$CUSTOMERS NBO_SAMPLE_DATA_SEED=$SEED \
  NBO_RULES_WRITE_THROUGH=$WRITE_THROUGH \
  NBO_MARKETER_PASSWORD=${NBO_MARKETER_PASSWORD:-bench-marketer} NBO_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  NBO_AGENT_PASSWORD=${NBO_AGENT_PASSWORD:-bench-agent} NBO_PSEUDONYM_KEY=${NBO_PSEUDONYM_KEY:-bench-pseudonym-key} \
  NBO_API_KEYS="bench:$BENCH_KEY_HASH" \
  "${pin[@]}" java $SERVER_JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 1800); do
  curl -sf "$URL/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "server died, see $LOG"; tail -20 "$LOG"; exit 1; }
  sleep 1
done
curl -sf "$URL/q/health/ready" >/dev/null || { echo "server not ready, see $LOG"; exit 1; }
echo "Server ready (pid $SERVER): $(grep -o 'Generated [0-9]* sample customers.*' "$LOG" || echo 'customers already in the database')"
if [ "$WORKLOAD" = generated ]; then
  echo "Loading the generated workload through the admin API"
  java -Xmx1g -cp "$BENCH_CP" io.nbo.bench.HttpWorkload load "$URL" "$ADMIN_PASSWORD" "$SEED" \
    "${WORKLOAD_OFFERS:-1000}" "${WORKLOAD_ROWS:-5000}" "$CUSTOMERS"
fi
export NBO_BENCH_CUSTOMERS=$SPREAD

ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
mem() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$SERVER/status"; }
HZ=$(getconf CLK_TCK)
LAST=""
measure() { # label, command...
  local label=$1; shift
  local t0 c0 t1 c1 out
  t0=$(date +%s.%N); c0=$(ticks)
  out=$("$@" | grep '^RESULT' || true)
  t1=$(date +%s.%N); c1=$(ticks)
  LAST=${out#RESULT }
  printf '%-28s %s server_cpu_cores=%.2f %s loadavg=%s\n' "$label" "$LAST" \
    "$(echo "($c1 - $c0) / $HZ / ($t1 - $t0)" | bc -l)" "$(mem)" "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)"
}
field() { echo "$LAST" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }

echo "Warm-up: ${DURATION}s at $CONNECTIONS connections (also fills the profile cache), not reported"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s deploy/bench/decisions.lua "$URL" >/dev/null
echo "--- results (nproc $(nproc), server pid $SERVER) ---"
if [ "${JFR:-0}" = "1" ]; then
  jcmd $SERVER JFR.start name=bench settings=profile duration="${DURATION}s" \
    filename="$PWD/target/bench/server-$WORKLOAD-c$CONNECTIONS.jfr" >/dev/null
  echo "JFR: recording the fixed-concurrency phase into target/bench/server-$WORKLOAD-c$CONNECTIONS.jfr"
fi
measure "fixed concurrency c=$CONNECTIONS" \
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s deploy/bench/decisions.lua "$URL"
if [ "$HOT_SET" -gt 0 ]; then
  java -Xmx256m -cp "$BENCH_CP" io.nbo.bench.HttpWorkload warm "$URL" 1 "$HOT_SET" 8 | sed 's/^/hot set: /'
  measure "hot set $HOT_SET, c=$CONNECTIONS" env NBO_BENCH_CUSTOMERS="$HOT_SET" \
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s deploy/bench/decisions.lua "$URL"
fi
for rate in $RATES; do
  measure "fixed rate $rate/s" java -Xmx512m -cp "$BENCH_CP" io.nbo.bench.FixedRateClient \
    "$URL/api/decisions" "$rate" "$DURATION" "$SPREAD" "$CONNECTIONS"
  rps=$(field rps); unfinished=$(field unfinished)
  if [ -z "$rps" ] || [ "${unfinished:-0}" != "0" ] || [ "$(echo "$rps < 0.95 * $rate" | bc -l)" = "1" ]; then
    echo "fixed rate $rate/s not kept (${rps:-no} decisions/s, ${unfinished:-?} unfinished): the server's limit; higher rates skipped"
    break
  fi
done
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
# Write-ahead journal (issue 9): syncs to disk and records they covered; records/syncs is the mean group commit.
curl -sf "$URL/q/metrics" | grep -E '^nbo_journal_(syncs|records)_total' || true
