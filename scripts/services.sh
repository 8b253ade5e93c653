#!/usr/bin/env bash
# Starts PostgreSQL 15 and Redis on 127.0.0.1 for development and CI, and prints the URLs to export.
#   eval "$(bash scripts/services.sh start)"   # exports DATABASE_URL and REDIS_URL
#   bash scripts/services.sh stop
# PostgreSQL refuses to run as root, so it runs as the `postgres` user (created if missing).
set -euo pipefail
PGPORT="${KOI_PGPORT:-55432}"
REDISPORT="${KOI_REDISPORT:-56379}"
BASE="${KOI_SERVICES_DIR:-/tmp/koi-services}"
PGDATA="$BASE/pg"
PGBIN="$(dirname "$(command -v initdb || echo /usr/lib/postgresql/15/bin/initdb)")"

as_pg() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

start() {
  mkdir -p "$BASE"
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$BASE" --shell /usr/sbin/nologin postgres
    chown postgres "$BASE"
  fi
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    as_pg "'$PGBIN/initdb' -D '$PGDATA' -U koi --auth=trust -E UTF8 --locale=C.UTF-8 >'$BASE/initdb.log' 2>&1" \
      || as_pg "'$PGBIN/initdb' -D '$PGDATA' -U koi --auth=trust -E UTF8 >'$BASE/initdb.log' 2>&1"
  fi
  if ! as_pg "'$PGBIN/pg_ctl' -D '$PGDATA' status >/dev/null 2>&1"; then
    as_pg "'$PGBIN/pg_ctl' -D '$PGDATA' -l '$BASE/pg.log' -w -t 60 -o \"-h 127.0.0.1 -p $PGPORT -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -k '$BASE'\" start >/dev/null"
  fi
  if command -v redis-server >/dev/null 2>&1; then
    if ! (command -v redis-cli >/dev/null && redis-cli -p "$REDISPORT" ping >/dev/null 2>&1); then
      redis-server --bind 127.0.0.1 --port "$REDISPORT" --daemonize yes --save '' --appendonly no --dir "$BASE" --logfile "$BASE/redis.log" >/dev/null
      for _ in $(seq 1 50); do redis-cli -p "$REDISPORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    fi
    echo "export REDIS_URL=redis://127.0.0.1:$REDISPORT"
  else
    echo "echo 'redis-server not installed: REDIS_URL left unset' >&2"
  fi
  as_pg "'$PGBIN/psql' -h 127.0.0.1 -p $PGPORT -U koi -d postgres -tc \"select 1 from pg_database where datname='koi'\" | grep -q 1 || '$PGBIN/createdb' -h 127.0.0.1 -p $PGPORT -U koi koi" >/dev/null 2>&1 \
    || psql -h 127.0.0.1 -p "$PGPORT" -U koi -d postgres -c 'create database koi' >/dev/null 2>&1 || true
  echo "export DATABASE_URL=postgres://koi@127.0.0.1:$PGPORT/koi"
}

stop() {
  as_pg "'$PGBIN/pg_ctl' -D '$PGDATA' -m fast stop" >/dev/null 2>&1 || true
  command -v redis-cli >/dev/null 2>&1 && redis-cli -p "$REDISPORT" shutdown nosave >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
