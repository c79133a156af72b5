#!/usr/bin/env bash
# Scrape cycle end to end, with the real worker process: a generated site of SOURCES x ARTICLES pages on
# 127.0.0.1 served by nginx, politeness off. The worker runs every source once on start (Worker:RunOnStart);
# a cycle is over when every source has recorded its status. Then it is stopped and started again over the
# same data directory: the second cycle finds nothing changed and should be answered with 304s (the list pages, and
# every article again: articles younger than an hour are re-checked every cycle, docs/storage.md#revisions).
#
#   bench/scrape-cycle/run.sh [--smoke]
#
# Pages/s and cycle time come from nginx's access log (first to last request of the cycle); peak RSS is the
# worker's VmHWM. Then footprint: the worker started a third time without running the sources
# (Worker:RunOnStart=false): time from start to the first 200 of /feeds/all.rss, and its RSS after 15 s idle.
# Targets (issue 9): >= 500 pages/s, peak RSS <= 300 MB, second cycle >= 5x faster; idle RSS <= 150 MB,
# start to first feed <= 3 s.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
sources=50 articles=200 timeout_s=1800
[[ "${1:-}" == "--smoke" ]] && { sources=2; articles=10; timeout_s=120; }
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: apt-get install sqlite3" >&2; exit 1; }
# Listen ports stay below the ephemeral range (32768 and up), where outgoing connections of a busy test run take theirs.
site_port=$(( 20000 + RANDOM % 6000 ))
worker_port=$(( 26000 + RANDOM % 6000 ))
work=$(mktemp -d /tmp/nfw-cycle.XXXXXX)
chmod 755 "$work" # nginx workers run unprivileged and must read the site
out="$repo/bench/results/cycle-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

nginx_pid="" worker_pid=""
cleanup() {
  [[ -n "$worker_pid" ]] && kill "$worker_pid" 2>/dev/null && wait "$worker_pid" 2>/dev/null
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  cp "$work"/worker-*.log "$out"/ 2>/dev/null || true # the publish lines (count, files, elapsed) are read from these
  rm -rf "$work"
}
trap cleanup EXIT

python3 "$repo/bench/scrape-cycle/generate-site.py" --out "$work" --sources "$sources" --articles "$articles" --port "$site_port" > "$out/site.json"
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$site_port/s00/list-1.html" && break; sleep 0.1; done

dotnet build -c Release --nologo -v quiet "$repo/src/NewsFeedWorker" >&2
worker="$repo/src/NewsFeedWorker/bin/Release/net10.0/NewsFeedWorker.dll"
db="$work/data/newsfeedworker.db"

run_cycle() { # cycle number
  local n=$1 before started_ms done_sources=0 hwm
  before=$(wc -l < "$work/access.log")
  started_ms=$(date +%s%3N)
  # From the repository root so the shipped config/appsettings.json applies (Information logs to console and file).
  (cd "$repo" && exec dotnet "$worker" run \
      --sources "$work/config/sources.json" --data "$work/data" --urls "http://127.0.0.1:$worker_port") > "$work/worker-$n.log" 2>&1 &
  worker_pid=$!
  for _ in $(seq $(( timeout_s * 2 ))); do
    sleep 0.5
    kill -0 "$worker_pid" 2>/dev/null || { echo "worker exited early:" >&2; tail -20 "$work/worker-$n.log" >&2; return 1; }
    [[ -f "$db" ]] || continue
    done_sources=$(sqlite3 "$db" "SELECT COUNT(*) FROM source_status WHERE last_run >= $started_ms" 2>/dev/null || echo 0)
    [[ "$done_sources" -ge "$sources" ]] && break
  done
  local finished_ms; finished_ms=$(date +%s%3N)
  hwm=$(awk '/^VmHWM:/ {print $2 * 1024}' "/proc/$worker_pid/status")
  kill -TERM "$worker_pid"; wait "$worker_pid" 2>/dev/null || true; worker_pid=""
  [[ "$done_sources" -ge "$sources" ]] || { echo "cycle $n: only $done_sources of $sources sources finished in ${timeout_s}s" >&2; return 1; }
  tail -n +$(( before + 1 )) "$work/access.log" | awk -v n="$n" -v wall="$(( finished_ms - started_ms ))" -v hwm="$hwm" -v srcs="$sources" '
    { if (first == "" || $1 < first) first = $1; if ($1 > last) last = $1; count++; status[$2]++ }
    END {
      span = last - first; if (span <= 0) span = 0.001
      printf "{\"cycle\":%d,\"sources\":%d,\"requests\":%d,\"status200\":%d,\"status304\":%d,\"other\":%d,", n, srcs, count, status[200], status[304], count - status[200] - status[304]
      printf "\"firstToLastRequestSeconds\":%.3f,\"pagesPerSec\":%.1f,\"startToAllStatusesMs\":%d,\"peakRssBytes\":%d}\n", span, count / span, wall, hwm
    }'
}

footprint() {
  local started_ms first_ms="" rss
  started_ms=$(date +%s%3N)
  (cd "$repo" && Worker__RunOnStart=false exec dotnet "$worker" run \
      --sources "$work/config/sources.json" --data "$work/data" --urls "http://127.0.0.1:$worker_port") > "$work/worker-idle.log" 2>&1 &
  worker_pid=$!
  for _ in $(seq 600); do
    if curl -sf -o /dev/null "http://127.0.0.1:$worker_port/feeds/all.rss"; then first_ms=$(date +%s%3N); break; fi
    sleep 0.05
  done
  [[ -n "$first_ms" ]] || { echo "no feed served within 30 s" >&2; tail -20 "$work/worker-idle.log" >&2; return 1; }
  sleep 15
  rss=$(awk '/^VmRSS:/ {print $2 * 1024}' "/proc/$worker_pid/status")
  kill -TERM "$worker_pid"; wait "$worker_pid" 2>/dev/null || true; worker_pid=""
  printf '{"sources":%d,"startToFirstFeedMs":%d,"idleRssBytes":%d}\n' "$sources" $(( first_ms - started_ms )) "$rss"
}

run_cycle 1 | tee "$out/cycle-1.json"
run_cycle 2 | tee "$out/cycle-2.json"
footprint | tee "$out/footprint.json"
jq -s '{ first: .[0], second: .[1], footprint: .[2],
  secondCycleSpeedup: (.[0].firstToLastRequestSeconds / .[1].firstToLastRequestSeconds),
  secondCycleSpeedupWithStart: (.[0].startToAllStatusesMs / .[1].startToAllStatusesMs),
  targets: { pagesPerSec500: (.[0].pagesPerSec >= 500), peakRss300MB: ([.[].peakRssBytes] | max <= 300 * 1048576),
             secondCycle5x: ((.[0].firstToLastRequestSeconds / .[1].firstToLastRequestSeconds) >= 5),
             idleRss150MB: (.[2].idleRssBytes <= 150 * 1048576), firstFeedWithin3s: (.[2].startToFirstFeedMs <= 3000) } }' \
  "$out/cycle-1.json" "$out/cycle-2.json" "$out/footprint.json" | tee "$out/summary.json"
echo "results: $out" >&2
