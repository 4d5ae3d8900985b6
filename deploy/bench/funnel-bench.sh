#!/usr/bin/env bash
# Funnel report benchmark (docs/benchmarks.md): starts the packaged server on 127.0.0.1:${NBO_BENCH_PORT:-8087}
# against PostgreSQL database ${NBO_BENCH_DB:-nbo_bench_funnel}, fills its decision log with DECISIONS decisions over
# the last DAYS days (OFFERS offers, one or two offers per decision, outcomes on about half of them) straight in SQL,
# then times GET /api/offers/{id}/funnel (one offer, per day, the whole range) and GET /api/offers/funnel (every
# offer's totals), REQUESTS times each after one warm-up call; prints the median and the slowest, in milliseconds.
# Env: DECISIONS (1000000), DAYS (90), OFFERS (50), REQUESTS (20), SKIP_BUILD=1 to reuse target/quarkus-app,
#      SERVER_JAVA_OPTS (-Xmx1g -XX:+UseParallelGC).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${NBO_BENCH_PORT:-8087}
DB=${NBO_BENCH_DB:-nbo_bench_funnel}
DECISIONS=${DECISIONS:-1000000}
DAYS=${DAYS:-90}
OFFERS=${OFFERS:-50}
REQUESTS=${REQUESTS:-20}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xmx1g -XX:+UseParallelGC"}
MARKETER=marketer:${NBO_MARKETER_PASSWORD:-bench-marketer}
URL="http://127.0.0.1:${PORT}"
LOG=target/bench/funnel-server.log
PSQL="psql -q -v ON_ERROR_STOP=1 postgresql://nbo:nbo@127.0.0.1:5432/$DB"
mkdir -p target/bench

NBO_PG_DATABASES="nbo $DB" deploy/local/ensure-postgres.sh
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -B -q package -DskipTests
fi

NBO_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
  NBO_MARKETER_PASSWORD=${MARKETER#marketer:} NBO_ADMIN_PASSWORD=${NBO_ADMIN_PASSWORD:-bench-admin} \
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

for i in $(seq 0 $((OFFERS - 1))); do
  id=$(printf 'BENCH-%03d' "$i")
  curl -s -o /dev/null -u "$MARKETER" -H 'Content-Type: application/json' "$URL/api/offers" -d \
    "{\"id\": \"$id\", \"name\": \"Bench offer $i\", \"category\": \"bench\", \"kind\": \"coupon\", \"businessValue\": 1, \"channels\": [\"email\"], \"offerGroup\": \"$id\"}"
done

echo "Filling the decision log: $DECISIONS decisions over $DAYS days, $OFFERS offers"
$PSQL <<SQL
delete from decision_outcome where decision_id like 'bench-%';
delete from decision_offer where decision_id like 'bench-%';
delete from decision_log where id like 'bench-%';
insert into decision_log (id, customer_id, touchpoint, decided_at, rule_set_version, policy_version, fallback)
  select 'bench-' || g, 'C' || (g % 100000), 'email',
         now() - make_interval(secs => (g::bigint * $DAYS * 86400 / $DECISIONS)), 'bench', 'bench', false
    from generate_series(1, $DECISIONS) g;
insert into decision_offer (decision_id, offer_id, offer_group, channel, offer_rank)
  select 'bench-' || g, 'BENCH-' || lpad((g % $OFFERS)::text, 3, '0'), 'g', 'email', 1
    from generate_series(1, $DECISIONS) g;
insert into decision_offer (decision_id, offer_id, offer_group, channel, offer_rank)
  select 'bench-' || g, 'BENCH-' || lpad(((g + 7) % $OFFERS)::text, 3, '0'), 'h', 'email', 2
    from generate_series(1, $DECISIONS) g where g % 3 = 0;
insert into decision_outcome (decision_id, offer_id, customer_id, outcome, occurred_at, recorded_at)
  select o.decision_id, o.offer_id, 'C', t.outcome, now(), now()
    from decision_offer o
    join (values ('OPENED', 2), ('CLICKED', 4), ('ACCEPTED', 8), ('PURCHASED', 16), ('REJECTED', 10)) t(outcome, every)
      on (hashtext(o.decision_id || o.offer_id) & 1023) % t.every = 0
   where o.decision_id like 'bench-%';
analyze decision_log; analyze decision_offer; analyze decision_outcome;
SQL
$PSQL -tAc "select 'decisions ' || (select count(*) from decision_log) || ', offers made ' || (select count(*) from decision_offer) || ', outcomes ' || (select count(*) from decision_outcome)"
echo "Load average before timing: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))"

time_it() { # label path
  curl -sf -o /dev/null -u "$MARKETER" "$URL$2"
  for _ in $(seq 1 "$REQUESTS"); do
    curl -sf -o /dev/null -u "$MARKETER" -w '%{time_total}\n' "$URL$2"
  done | sort -n | awk -v label="$1" '{ t[NR] = $1 * 1000 } END {
    printf "%-42s median %7.1f ms   slowest %7.1f ms   (%d requests)\n", label, t[int((NR + 1) / 2)], t[NR], NR }'
}
FROM=$(date -u -d "-$((DAYS - 1)) days" +%F)
time_it "one offer, per day, $DAYS days" "/api/offers/BENCH-007/funnel?from=$FROM&bucket=day"
time_it "one offer, per week, $DAYS days" "/api/offers/BENCH-007/funnel?from=$FROM&bucket=week"
time_it "every offer's totals, $DAYS days" "/api/offers/funnel?from=$FROM"
time_it "every offer's totals, last 7 days" "/api/offers/funnel?from=$(date -u -d '-6 days' +%F)"
