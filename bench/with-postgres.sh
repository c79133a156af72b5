#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL on 127.0.0.1 (as test.sh does) and
# NEWSFEEDWORKER_TEST_POSTGRES set to it; the cluster is stopped and deleted afterwards.
#
#   bench/with-postgres.sh dotnet run -c Release --project bench/NewsFeedWorker.Benchmarks -- dedupe
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -n "$pg_bin" ]] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_dir=$(mktemp -d /tmp/nfw-bench-pg.XXXXXX)
pg_port=$(( 40000 + RANDOM % 20000 ))
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
stop_pg() {
  [[ -f "$pg_dir/data/postmaster.pid" ]] && run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1
# Durable settings (fsync on, unlike test.sh): insert rates should be what a server would see.
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=100 -c shared_buffers=256MB" start >/dev/null
export NEWSFEEDWORKER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port" >&2
"$@"
