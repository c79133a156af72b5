#!/usr/bin/env bash
# Runs the whole test suite on a clean Debian machine that has only the .NET SDK:
# installs the Debian packages the tests use (PostgreSQL, python3-feedparser, newsboat, chromium, and nginx,
# wrk, sqlite3, jq, curl for the benchmark scripts' smoke runs),
# starts a throwaway PostgreSQL on 127.0.0.1, runs every test project, stops the server,
# and ends with one plain line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '[test.sh] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
/usr/bin/python3 -c 'import feedparser' >/dev/null 2>&1 || missing+=(python3-feedparser)
command -v newsboat >/dev/null 2>&1 || missing+=(newsboat)
# The browser tests (tests/NewsFeedWorker.IntegrationTests/Browser/) drive Debian's chromium headless.
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The benchmark scripts' smoke runs (tests/NewsFeedWorker.IntegrationTests/Bench/BenchScriptSmokeTests.cs).
for tool in nginx wrk sqlite3 jq curl; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || log "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2 || log "apt-get install failed: the tests that need ${missing[*]} will fail and say so"
fi

# A throwaway PostgreSQL cluster, owned by an unprivileged user, on a free loopback port.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_dir=""
if [ -n "$pg_bin" ]; then
  pg_dir=$(mktemp -d /tmp/nfw-pg.XXXXXX)
  pg_port=$(( 10000 + RANDOM % 10000 )) # below the ephemeral range (32768 and up)
  run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
  if run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
     && run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
          -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c max_connections=200" start >&2; then
    export NEWSFEEDWORKER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
    log "PostgreSQL on 127.0.0.1:$pg_port"
  else
    log "PostgreSQL did not start (see $pg_dir); PostgreSQL tests will fail"
    cat "$pg_dir"/*.log >&2 2>/dev/null
  fi
fi
stop_pg() {
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
  fi
  [ -n "$pg_dir" ] && rm -rf "$pg_dir"
}
trap stop_pg EXIT

results=$(mktemp -d /tmp/nfw-results.XXXXXX)
dotnet test NewsFeedWorker.sln -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$(( passed + ${p:-0} )); failed=$(( failed + ${f:-0} + ${e:-0} ))
  # Skipped tests (the corpus gate where no development corpus is beside the repository): counted and named.
  skipped_names=$(grep -o 'testName="[^"]*"[^>]*outcome="NotExecuted"' "$trx" | sed 's/testName="\([^"]*\)".*/\1/')
  while read -r name; do [ -n "$name" ] && { log "skipped: $name"; skipped=$(( skipped + 1 )); }; done <<<"$skipped_names"
done
rm -rf "$results"
# Every process the suite started has ended: a worker or CLI run of this checkout still alive is a failure (and is stopped).
repo_dir=$(pwd -P)
for proc in /proc/[0-9]*; do
  cmd=$(tr '\0' ' ' < "$proc/cmdline" 2>/dev/null) || continue
  if [[ $cmd == *"$repo_dir/"*NewsFeedWorker.dll* ]]; then
    log "left running after the tests: pid ${proc#/proc/}: $cmd"
    kill -9 "${proc#/proc/}" 2>/dev/null
    failed=$(( failed + 1 ))
  fi
done
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; log "dotnet test failed before running every test (build error?)"; fi
if [ $skipped -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ $failed -eq 0 ]
