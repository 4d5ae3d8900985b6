#!/usr/bin/env bash
# HTTP load benchmark (docs/benchmarks.md): packages and starts the server on 127.0.0.1:${NBO_BENCH_PORT:-8085}
# against PostgreSQL database nbo_bench, loads N synthetic customers once, then drives POST /api/decisions
#   1. at fixed concurrency with wrk (closed loop, ${CONNECTIONS} connections), and
#   2. at a fixed rate with an open-loop Java client (latency from the intended send time),
# and prints throughput, p50/p99/p99.9, errors, and the server's CPU and memory from /proc.
# Env: NBO_BENCH_DB (nbo_bench; another name keeps parallel runs apart), NBO_BENCH_CUSTOMERS (100000), NBO_BENCH_SPREAD (ids requests pick from; all customers), NBO_BENCH_PORT (8085), DURATION seconds per phase (30), CONNECTIONS (32),
#      WRK_THREADS (1), RATES fixed rates to try ("2000 5000"), SERVER_CPUS cpu list to pin the server to (all),
#      SERVER_JAVA_OPTS (-Xmx1g -XX:+UseParallelGC), SKIP_BUILD=1 to reuse target/quarkus-app.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${NBO_BENCH_PORT:-8085}
DB=${NBO_BENCH_DB:-nbo_bench}
CUSTOMERS=${NBO_BENCH_CUSTOMERS:-100000}
SPREAD=${NBO_BENCH_SPREAD:-$CUSTOMERS}   # requests pick ids among the first SPREAD customers (a hot set if smaller)
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
RATES=${RATES:-"2000 5000"}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xmx1g -XX:+UseParallelGC"}
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
echo "Starting the server on $URL (database $DB, $CUSTOMERS customers, requests spread over $SPREAD); log in $LOG"
NBO_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
  NBO_SAMPLE_DATA_ENABLED=true NBO_SAMPLE_DATA_CUSTOMERS=$CUSTOMERS \
  NBO_MARKETER_PASSWORD=${NBO_MARKETER_PASSWORD:-bench-marketer} NBO_ADMIN_PASSWORD=${NBO_ADMIN_PASSWORD:-bench-admin} \
  "${pin[@]}" java $SERVER_JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 1800); do
  curl -sf "$URL/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "server died, see $LOG"; tail -20 "$LOG"; exit 1; }
  sleep 1
done
curl -sf "$URL/q/health/ready" >/dev/null || { echo "server not ready, see $LOG"; exit 1; }
echo "Server ready (pid $SERVER)"
export NBO_BENCH_CUSTOMERS=$SPREAD

ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
mem() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$SERVER/status"; }
HZ=$(getconf CLK_TCK)
measure() { # label, command...
  local label=$1; shift
  local t0 c0 t1 c1 out
  t0=$(date +%s.%N); c0=$(ticks)
  out=$("$@" | grep '^RESULT' || true)
  t1=$(date +%s.%N); c1=$(ticks)
  printf '%-28s %s server_cpu_cores=%.2f %s\n' "$label" "${out#RESULT }" \
    "$(echo "($c1 - $c0) / $HZ / ($t1 - $t0)" | bc -l)" "$(mem)"
}

echo "Warm-up: ${DURATION}s at $CONNECTIONS connections (also fills the profile cache), not reported"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s deploy/bench/decisions.lua "$URL" >/dev/null
echo "--- results (nproc $(nproc), server pid $SERVER) ---"
measure "fixed concurrency c=$CONNECTIONS" \
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s deploy/bench/decisions.lua "$URL"
for rate in $RATES; do
  measure "fixed rate $rate/s" java -Xmx512m -cp "$BENCH_CP" io.nbo.bench.FixedRateClient \
    "$URL/api/decisions" "$rate" "$DURATION" "$SPREAD" "$CONNECTIONS"
done
# Write-ahead journal (issue 9): syncs to disk and records they covered; records/syncs is the mean group commit.
curl -sf "$URL/q/metrics" | grep -E '^nbo_journal_(syncs|records)_total' || true
