#!/usr/bin/env bash
# Makes sure a PostgreSQL server is running on 127.0.0.1:5432 with the role and databases the tests use.
# Idempotent. On a fresh Debian machine it starts the installed PostgreSQL cluster, or installs PostgreSQL with apt
# when it is missing (needs root). Set NBO_PG_SKIP=1 to manage PostgreSQL yourself.
set -euo pipefail

[ "${NBO_PG_SKIP:-0}" = "1" ] && { echo "ensure-postgres: skipped (NBO_PG_SKIP=1)"; exit 0; }

DB_USER=${NBO_DB_USER:-nbo}
DB_PASSWORD=${NBO_DB_PASSWORD:-nbo}
DATABASES=${NBO_PG_DATABASES:-"nbo nbo_test"}

as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -c "$*"; else sudo -u postgres sh -c "$*"; fi
}

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "ensure-postgres: PostgreSQL is not installed; installing it with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  cluster=$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1" "$2}')
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
    pg_createcluster "$version" main >/dev/null
    cluster="$version main"
  fi
  echo "ensure-postgres: starting PostgreSQL cluster $cluster"
  pg_ctlcluster $cluster start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432

as_postgres "psql -qtAc \"select 1 from pg_roles where rolname='$DB_USER'\"" | grep -q 1 \
  || as_postgres "psql -qc \"create role $DB_USER login createdb password '$DB_PASSWORD'\""
for db in $DATABASES; do
  as_postgres "psql -qtAc \"select 1 from pg_database where datname='$db'\"" | grep -q 1 \
    || as_postgres "createdb -O $DB_USER $db"
done
echo "ensure-postgres: ready (role $DB_USER, databases: $DATABASES)"
