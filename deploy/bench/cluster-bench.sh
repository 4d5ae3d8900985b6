#!/usr/bin/env bash
# Cluster benchmark (docs/benchmarks.md, "Several nodes"): for 1, 2 and 3 nodes of the packaged jar (profile
# prod,cluster, one machine, loopback; deploy/local/cluster.sh) on PostgreSQL database nbo_bench_cluster:
#   1. throughput: one wrk per node at once (CONNECTIONS split between them), visitors V1..V5000 at the web, app and
#      store touchpoints, WARMUP seconds, then DURATION seconds measured; the sum over the nodes;
#   2. (with 2 nodes or more) how long a change made on node 1 takes to be live on every other node: a contact-policy
#      upload (until a decision on each node names the new version) and a fallback-offer change (until each node's
#      GET /api/settings/fallback-offer shows it), ROUNDS times each; prints each round and the worst.
# Env: NODE_COUNTS ("1 2 3"), DURATION (20), WARMUP (10), CONNECTIONS (24), ROUNDS (5), SKIP_BUILD=1 to reuse the jar,
#      NODE_JAVA_OPTS (-Xmx512m -XX:+UseParallelGC).
set -euo pipefail
cd "$(dirname "$0")/../.."
NODE_COUNTS=${NODE_COUNTS:-"1 2 3"}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-24}
ROUNDS=${ROUNDS:-5}
export HTTP_BASE=${HTTP_BASE:-8180} JGROUPS_BASE=${JGROUPS_BASE:-7900} DATA=target/bench/cluster
export CLUSTER_NAME="nbo-bench-$$" NODE_JAVA_OPTS=${NODE_JAVA_OPTS:-"-Xmx512m -XX:+UseParallelGC"}
export NBO_DB_URL=jdbc:postgresql://127.0.0.1:5432/${NBO_BENCH_DB:-nbo_bench_cluster}
export NBO_ADMIN_PASSWORD=admin
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
NBO_PG_DATABASES="nbo ${NBO_BENCH_DB:-nbo_bench_cluster}" deploy/local/ensure-postgres.sh >/dev/null
[[ ${SKIP_BUILD:-0} == 1 ]] || ./mvnw -B -q package -DskipTests
trap 'NODES=3 deploy/local/cluster.sh stop >/dev/null 2>&1 || true' EXIT

now_ms() { date +%s%3N; }
url() { echo "http://127.0.0.1:$((HTTP_BASE + $1))"; }

policy_version_on() {
  curl -s -H 'X-API-Key: nbo-dev-key' -H 'Content-Type: application/json' \
    -d '{"customerId": "BENCH-PROBE", "touchpoint": "web"}' "$(url "$1")/api/decisions" |
    python3 -c 'import json,sys; print(json.load(sys.stdin).get("policyVersion"))'
}

propagation() {
  local n=$1 round limit version start i worst_policy=0 worst_fallback=0 took offer
  for round in $(seq 1 "$ROUNDS"); do
    limit=$((5000 + round + n * 100))
    version=$(sed "s/Black Friday flash stock,volume,,BLACK-FRIDAY-FLASH,,5000/Black Friday flash stock,volume,,BLACK-FRIDAY-FLASH,,$limit/" \
        decision-tables/policy/contact-policy.csv | curl -s -u admin:admin -X PUT -H 'Content-Type: text/csv' \
        --data-binary @- "$(url 1)/api/policy" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
    start=$(now_ms)
    for i in $(seq 2 "$n"); do
      until [[ $(policy_version_on "$i") == "$version" ]]; do sleep 0.01; done
    done
    took=$(( $(now_ms) - start )); worst_policy=$(( took > worst_policy ? took : worst_policy ))
    offer=$([[ $((round % 2)) == 0 ]] && echo WELCOME-10 || echo APP-DOWNLOAD)
    curl -s -u admin:admin -X PUT -H 'Content-Type: application/json' -d "{\"offerId\": \"$offer\"}" \
      "$(url 1)/api/settings/fallback-offer" >/dev/null
    start=$(now_ms)
    for i in $(seq 2 "$n"); do
      until curl -s -u admin:admin "$(url "$i")/api/settings/fallback-offer" | grep -q "\"offerId\":\"$offer\""; do
        sleep 0.01; done
    done
    took2=$(( $(now_ms) - start )); worst_fallback=$(( took2 > worst_fallback ? took2 : worst_fallback ))
    echo "  round $round: policy $version live on all $n nodes after ${took} ms; fallback $offer after ${took2} ms"
  done
  echo "nodes=$n propagation worst: policy ${worst_policy} ms, fallback ${worst_fallback} ms (polling every 10 ms)"
}

for n in $NODE_COUNTS; do
  NODES=3 deploy/local/cluster.sh stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
  NODES=$n deploy/local/cluster.sh start >/dev/null
  per=$(( CONNECTIONS / n ))
  for i in $(seq 1 "$n"); do
    wrk -t1 -c"$per" -d"${WARMUP}s" -s deploy/bench/cluster-decisions.lua "$(url "$i")" >/dev/null &
  done
  wait
  for i in $(seq 1 "$n"); do
    wrk -t1 -c"$per" -d"${DURATION}s" -s deploy/bench/cluster-decisions.lua "$(url "$i")" | grep RESULT \
      >"$DATA/wrk-$i.txt" &
  done
  wait
  python3 - "$n" "$DATA" <<'PY'
import re, sys, glob
n, data = int(sys.argv[1]), sys.argv[2]
rows = [dict(re.findall(r"(\w+)=([\d.]+)", open(f).read())) for f in sorted(glob.glob(data + "/wrk-*.txt"))]
total = sum(float(r["requests"]) / float(r["seconds"]) for r in rows)
print(f"nodes={n} throughput={total:.0f} decisions/s errors={sum(int(r['non2xx']) for r in rows)} "
      + " ".join(f"node{i + 1}: p50={r['p50_ms']} ms p99={r['p99_ms']} ms" for i, r in enumerate(rows)))
PY
  [[ $n -ge 2 ]] && propagation "$n"
done
