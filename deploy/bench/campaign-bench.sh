#!/usr/bin/env bash
# Batch campaign benchmark (docs/benchmarks.md): packages and starts the server on 127.0.0.1:${NBO_BENCH_PORT:-8097}
# against a fresh PostgreSQL database nbo_bench_campaign, creates OFFERS offers (half of them with a volume limit in
# the contact policy) and a decision table making each eligible for part of the customers (churn risk above a
# threshold per offer), generates CUSTOMERS customers with SQL (generate_series), then runs one campaign on e-mail
# (maxOffers 1) with POST /api/campaigns/runs and follows it until done. Prints the time per phase (from the server
# log), customers per second, the server's peak resident memory, and the summary: expected value, upper bound, gap,
# and that no offer passed its limit.
# Env: NBO_BENCH_CUSTOMERS (1000000), NBO_BENCH_OFFERS (200), NBO_BENCH_PORT (8097), NBO_BENCH_DB (nbo_bench_campaign),
#      SERVER_JAVA_OPTS (-Xmx2g -XX:+UseParallelGC), SKIP_BUILD=1 to reuse target/quarkus-app,
#      NBO_CAMPAIGN_THREADS (2), NBO_CAMPAIGN_PAGE_SIZE (1000), NBO_CAMPAIGN_SAMPLE_SIZE (20000).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${NBO_BENCH_PORT:-8097}
CUSTOMERS=${NBO_BENCH_CUSTOMERS:-1000000}
OFFERS=${NBO_BENCH_OFFERS:-200}
DB=${NBO_BENCH_DB:-nbo_bench_campaign}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xmx2g -XX:+UseParallelGC"}
ADMIN=bench-admin
MARKETER=bench-marketer
URL="http://127.0.0.1:${PORT}"
DIR=target/bench/campaign
LOG=$DIR/server.log
export PGPASSWORD=${NBO_DB_PASSWORD:-nbo}
PSQL="psql -h 127.0.0.1 -U ${NBO_DB_USER:-nbo} -d $DB -q -v ON_ERROR_STOP=1"
rm -rf "$DIR" && mkdir -p "$DIR/tables/policy" "$DIR/rules"

dropdb -h 127.0.0.1 -U "${NBO_DB_USER:-nbo}" --if-exists "$DB" || true
NBO_PG_DATABASES="nbo $DB" deploy/local/ensure-postgres.sh
[ "${SKIP_BUILD:-0}" = "1" ] || ./mvnw -B -q package -DskipTests

# The starting policy: the shipped hours and caps, no volume rule yet (its offers do not exist yet).
cat > "$DIR/tables/policy/contact-policy.csv" <<'CSV'
Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost
Email at most once a week,cap,email,,,1,7d,,,,,
No texts or pushes at night,quiet-hours,sms|push,,,,,,,21:00,08:00,
Emails go out in the daytime,send-window,email,,,,,,,07:00,22:00,
CSV

echo "Load average before start: $(cut -d' ' -f1-3 /proc/loadavg) (nproc $(nproc))"
NBO_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
  NBO_SAMPLE_DATA_ENABLED=false NBO_RULES_WRITE_THROUGH=false NBO_RULES_WATCH=false \
  NBO_RULES_DECISION_TABLES_DIR=$DIR/tables NBO_RULES_DRL_DIR=$DIR/rules \
  NBO_CONTACT_POLICY_FILE=$DIR/tables/policy/contact-policy.csv NBO_ADMIN_PASSWORD=$ADMIN \
  NBO_MARKETER_PASSWORD=$MARKETER NBO_AGENT_PASSWORD=bench-agent NBO_PSEUDONYM_KEY=bench-pseudonym-key \
  NBO_JOURNAL_DIR=$DIR/journal NBO_CAMPAIGN_THREADS=${NBO_CAMPAIGN_THREADS:-2} \
  NBO_CAMPAIGN_PAGE_SIZE=${NBO_CAMPAIGN_PAGE_SIZE:-1000} NBO_CAMPAIGN_SAMPLE_SIZE=${NBO_CAMPAIGN_SAMPLE_SIZE:-20000} \
  java $SERVER_JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "$URL/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "server died, see $LOG"; tail -20 "$LOG"; exit 1; }
  sleep 1
done

echo "Creating $OFFERS offers"
KINDS=(coupon discount bundle loyalty-points service)
for i in $(seq 1 "$OFFERS"); do
  id=$(printf "BENCH-%03d" "$i")
  value=$(( 5 + (i * 37) % 96 ))
  curl -sf -u "marketer:$MARKETER" -H 'content-type: application/json' -o /dev/null -d "{\"id\": \"$id\",
    \"name\": \"Bench offer $i\", \"category\": \"cat$(( i % 10 ))\", \"kind\": \"${KINDS[$(( i % 5 ))]}\",
    \"businessValue\": $value, \"channels\": [\"email\"], \"priority\": 1.0}" "$URL/api/offers"
done

echo "Generating $CUSTOMERS customers"
T0=$(date +%s)
$PSQL <<SQL
insert into customer (id, time_zone, consents, segments, lifecycle_stage, engagement, churn_risk, top_categories,
                      updated_at)
select 'C' || lpad(g::text, 7, '0'),
       (array['Europe/London', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'])[1 + g % 4],
       'email,sms', '', 'active', 'medium', ((g::bigint * 7919) % 10007) / 10007.0, 'cat' || (g % 10), now()
  from generate_series(1, $CUSTOMERS) g;
analyze customer;
SQL
echo "Customers in $(( $(date +%s) - T0 )) s"

# One rule per offer: eligible when the customer's churn risk is at least a threshold (0 to 0.9 by offer).
{
  echo 'RuleSet,nbo.bench'
  echo 'Import,"io.nbo.rules.vocabulary.Customer, io.nbo.rules.vocabulary.Context"'
  echo 'Variables,io.nbo.rules.vocabulary.Offers offers'
  echo
  echo 'RuleTable Bench'
  echo 'NAME,CONDITION,ACTION'
  echo ',Customer,'
  echo ',churnRisk >= $param,"offers.eligible(""$param"");"'
  echo 'Rule,Churn risk at least,Make eligible'
  for i in $(seq 1 "$OFFERS"); do
    printf 'Bench %d,%s,BENCH-%03d\n' "$i" "0.$(( (i * 13) % 10 ))" "$i"
  done
} > "$DIR/bench.drl.csv"
curl -sf -u "admin:$ADMIN" -H 'content-type: text/csv' --data-binary @"$DIR/bench.drl.csv" -o /dev/null \
  -X PUT "$URL/api/rulesets/bench.drl.csv"

# Volume limits on every second offer: 500 to 10,000 contacts.
cp "$DIR/tables/policy/contact-policy.csv" "$DIR/policy.csv"
for i in $(seq 2 2 "$OFFERS"); do
  printf 'Stock %d,volume,,BENCH-%03d,,%d,,,,,,\n' "$i" "$i" $(( 500 + (i * 953) % 9500 )) >> "$DIR/policy.csv"
done
curl -sf -u "marketer:$MARKETER" -H 'content-type: text/csv' --data-binary @"$DIR/policy.csv" -o /dev/null \
  -X PUT "$URL/api/policy"

SEND_DATE=$(date -u -d tomorrow +%F)
echo "Starting the run (send date $SEND_DATE); load average $(cut -d' ' -f1-3 /proc/loadavg)"
START=$(date +%s.%N)
curl -s -m 300 -u "marketer:$MARKETER" -H 'content-type: application/json' -o "$DIR/run.json" -d "{\"audience\":
  {\"all\": true}, \"channels\": [\"email\"], \"sendDate\": \"$SEND_DATE\", \"maxOffers\": 1}" \
  "$URL/api/campaigns/runs" || true
RUN=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$DIR/run.json") \
  || { echo "the run did not start:"; cat "$DIR/run.json"; exit 1; }
PEAK=0
while true; do
  STATUS=$(curl -sf -u "marketer:$MARKETER" "$URL/api/campaigns/runs/$RUN" | python3 -c \
    'import json,sys; r=json.load(sys.stdin); print(r["status"], r["progress"]["customersDone"])')
  RSS=$(awk '/VmHWM/ {print $2}' /proc/$SERVER/status)
  [ "$RSS" -gt "$PEAK" ] && PEAK=$RSS
  case "$STATUS" in done*|failed*|cancelled*) break;; esac
  sleep 2
done
END=$(date +%s.%N)
echo "Run $RUN: $STATUS in $(python3 -c "print(round($END - $START, 1))") s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
grep "Campaign run $RUN" "$LOG" | sed 's/.*Campaign run/Campaign run/'
echo "Server peak resident memory: $(( PEAK / 1024 )) MB"
curl -sf -u "marketer:$MARKETER" "$URL/api/campaigns/runs/$RUN/summary" > "$DIR/summary.json"
python3 - "$DIR/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
over = [o for o in s["offers"] if o["limit"] is not None and o["used"] > o["limit"]]
binding = [o for o in s["offers"] if o["price"] > 0]
print(f"customers {s['customersDone']}, reached {s['customersReached']}, contacts {s['contacts']}")
print(f"expected value {s['expectedValue']:.1f}, upper bound {s['upperBound']:.1f}, gap {100 * s['gap']:.3f}%")
print(f"limited offers priced (binding) {len(binding)}, offers over their limit: {len(over)}")
PY
