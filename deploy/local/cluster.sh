#!/usr/bin/env bash
# Three nodes on one machine, one Infinispan cluster over loopback, one PostgreSQL (docs/operations.md "Several nodes").
#   deploy/local/cluster.sh start    packages the jar if missing, starts nodes 1..N, waits until each is ready
#   deploy/local/cluster.sh stop     stops them (SIGTERM: each drains its log and gives its volume blocks back)
#   deploy/local/cluster.sh status   each node's readiness and the cluster members it sees
#   deploy/local/cluster.sh kill N   kill -9 of node N (try it under load: nothing acknowledged is lost)
#   deploy/local/cluster.sh restart N
# Node i answers HTTP on 127.0.0.1:$((HTTP_BASE+i)) and JGroups on 127.0.0.1:$((JGROUPS_BASE+i)); its journal is
# $DATA/journal/node-i (the survivors write a dead node's journal to the database: nbo.cluster.journal-peers), its
# output $DATA/node-i.out. Put a load balancer (or your client's retry list) in front of the HTTP ports.
# Env: NODES (3), HTTP_BASE (8080), JGROUPS_BASE (7800), CLUSTER_NAME (nbo-local-$USER), NBO_DB_URL
# (jdbc:postgresql://127.0.0.1:5432/nbo), DATA (nbo-data/cluster), NODE_JAVA_OPTS (-Xmx512m), and the prod secrets
# (NBO_AGENT_PASSWORD, NBO_MARKETER_PASSWORD, NBO_ADMIN_PASSWORD, NBO_PSEUDONYM_KEY, NBO_API_KEYS; local defaults below).
set -euo pipefail
cd "$(dirname "$0")/../.."
NODES=${NODES:-3}
HTTP_BASE=${HTTP_BASE:-8080}
JGROUPS_BASE=${JGROUPS_BASE:-7800}
CLUSTER_NAME=${CLUSTER_NAME:-nbo-local-${USER:-me}}
DATA=${DATA:-nbo-data/cluster}
JAR=target/quarkus-app/quarkus-run.jar
export NBO_DB_URL=${NBO_DB_URL:-jdbc:postgresql://127.0.0.1:5432/nbo}
export NBO_AGENT_PASSWORD=${NBO_AGENT_PASSWORD:-agent} NBO_MARKETER_PASSWORD=${NBO_MARKETER_PASSWORD:-marketer}
export NBO_ADMIN_PASSWORD=${NBO_ADMIN_PASSWORD:-admin} NBO_PSEUDONYM_KEY=${NBO_PSEUDONYM_KEY:-local-cluster-pseudonym-key}
# The screens' sign-in cookie: one key for every node, so a person stays signed in whichever node answers.
export NBO_SESSION_KEY=${NBO_SESSION_KEY:-local-cluster-session-key-0123456789abcdef}
# dev-client / nbo-dev-key, as in the embedded default
export NBO_API_KEYS=${NBO_API_KEYS:-dev-client:55db40fe29ac513e3bda8b9c95edd224ef724f6e88990b3111d75728607cd783}

members() {
  local list="" i
  for i in $(seq 1 "$NODES"); do list="${list:+$list,}127.0.0.1[$((JGROUPS_BASE + i))]"; done
  echo "$list"
}

start_node() {
  local i=$1 pidfile="$DATA/node-$1.pid"
  if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "node $i is running"; return; fi
  mkdir -p "$DATA/journal"
  QUARKUS_PROFILE=prod,cluster QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$((HTTP_BASE + i)) \
  NBO_JOURNAL_DIR="$DATA/journal/node-$i" NBO_CLUSTER_JOURNAL_PEERS="$DATA/journal" \
  NBO_SAMPLE_DATA_ENABLED=${NBO_SAMPLE_DATA_ENABLED:-true} NBO_SAMPLE_DATA_CUSTOMERS=${NBO_SAMPLE_DATA_CUSTOMERS:-0} \
    nohup java ${NODE_JAVA_OPTS:--Xmx512m} -Djava.net.preferIPv4Stack=true -Djgroups.bind.address=127.0.0.1 \
      -Djgroups.cluster.name="$CLUSTER_NAME" -Djgroups.tcp.port=$((JGROUPS_BASE + i)) -Djgroups.members="$(members)" \
      -jar "$JAR" >"$DATA/node-$i.out" 2>&1 &
  echo $! >"$pidfile"
  echo "node $i: pid $!, http://127.0.0.1:$((HTTP_BASE + i)), output $DATA/node-$i.out"
}

await_ready() {
  local i=$1 n
  for n in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$((HTTP_BASE + i))/q/health/ready" >/dev/null && { echo "node $i ready"; return; }
    kill -0 "$(cat "$DATA/node-$i.pid")" 2>/dev/null || { echo "node $i died; see $DATA/node-$i.out"; exit 1; }
    sleep 1
  done
  echo "node $i not ready after 180 s; see $DATA/node-$i.out"; exit 1
}

stop_node() {
  local i=$1 signal=${2:-TERM} pidfile="$DATA/node-$1.pid"
  [[ -f $pidfile ]] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -"$signal" "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    echo "node $i stopped (SIG$signal)"
  fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start)
    mkdir -p "$DATA"
    [[ -f $JAR ]] || ./mvnw -B -q package -DskipTests
    # The first node migrates the schema and loads the sample catalogue; the others then join.
    start_node 1; await_ready 1
    for i in $(seq 2 "$NODES"); do start_node "$i"; done
    for i in $(seq 2 "$NODES"); do await_ready "$i"; done
    "$0" status ;;
  stop) for i in $(seq "$NODES" -1 1); do stop_node "$i"; done ;;
  kill) stop_node "${2:?node number}" KILL ;;
  restart) stop_node "${2:?node number}"; start_node "$2"; await_ready "$2" ;;
  status)
    for i in $(seq 1 "$NODES"); do
      printf 'node %s: ' "$i"
      curl -s "http://127.0.0.1:$((HTTP_BASE + i))/q/health/ready" | python3 -c '
import json, sys
try:
    checks = {c["name"]: c for c in json.load(sys.stdin)["checks"]}
except Exception:
    print("down"); sys.exit()
c = checks.get("cluster", {}).get("data", {})
print(checks["rule-set"]["status"], "members", c.get("members"), "rebalancing", c.get("rebalancing"),
      "rule set", checks["rule-set"].get("data", {}).get("version"))' || echo down
    done ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
