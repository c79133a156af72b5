#!/usr/bin/env bash
# Profile of the scrape cycle's first run (bench/scrape-cycle/run.sh's load, same site and settings): the worker
# runs under dotnet-trace (CPU samples, speedscope) while dotnet-counters records GC counts, heap and LOH sizes
# once a second; the script prints the top frames and a GC summary.
#
#   bench/scrape-cycle/profile.sh [SOURCES] [ARTICLES]        # defaults 50 200
#
# Needs dotnet-trace and dotnet-counters (dotnet tool install -g ...). Timings under tracing are not the benchmark's.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
export PATH="$PATH:$HOME/.dotnet/tools"
sources="${1:-50}" articles="${2:-200}"
site_port=$(( 20000 + RANDOM % 10000 ))
worker_port=$(( 30000 + RANDOM % 10000 ))
work=$(mktemp -d /tmp/nfw-cycle-profile.XXXXXX)
chmod 755 "$work"
out="$repo/bench/results/cycle-profile-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
nginx_pid="" worker_pid="" counters_pid=""
cleanup() {
  [[ -n "$counters_pid" ]] && kill "$counters_pid" 2>/dev/null && wait "$counters_pid" 2>/dev/null
  [[ -n "$worker_pid" ]] && kill "$worker_pid" 2>/dev/null && wait "$worker_pid" 2>/dev/null
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

python3 "$repo/bench/scrape-cycle/generate-site.py" --out "$work" --sources "$sources" --articles "$articles" --port "$site_port" > /dev/null
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$site_port/s00/list-1.html" && break; sleep 0.1; done
dotnet build -c Release --nologo -v quiet "$repo/src/NewsFeedWorker" >&2
worker="$repo/src/NewsFeedWorker/bin/Release/net10.0/NewsFeedWorker.dll"
db="$work/data/newsfeedworker.db"

started_ms=$(date +%s%3N)
(cd "$repo" && exec dotnet-trace collect --format Speedscope -o "$out/cycle.nettrace" --show-child-io false -- dotnet "$worker" run \
    --sources "$work/config/sources.json" --data "$work/data" --urls "http://127.0.0.1:$worker_port") > "$out/worker.log" 2>&1 &
worker_pid=$!
pid=""
for _ in $(seq 100); do
  pid=$(pgrep -f -n "^dotnet $worker run --sources $work" || true); [[ -n "$pid" ]] && break; sleep 0.1
done
dotnet-counters collect --process-id "$pid" --refresh-interval 1 --format csv -o "$out/counters.csv" \
  --counters System.Runtime > /dev/null 2>&1 &
counters_pid=$!
peak=0
for _ in $(seq 3600); do
  sleep 0.5
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  (( rss > peak )) && peak=$rss
  [[ -f "$db" ]] || continue
  done_sources=$(sqlite3 "$db" "SELECT COUNT(*) FROM source_status WHERE last_run >= $started_ms" 2>/dev/null || echo 0)
  [[ "$done_sources" -ge "$sources" ]] && break
done
echo "cycle took $(( $(date +%s%3N) - started_ms )) ms under tracing; peak RSS $(( peak / 1024 )) MB (sampled), VmHWM $(awk '/^VmHWM:/ {print int($2/1024)}' /proc/$pid/status) MB"
kill "$counters_pid"; wait "$counters_pid" 2>/dev/null || true; counters_pid=""
kill -TERM "$pid"; wait "$worker_pid" 2>/dev/null || true; worker_pid=""
python3 "$repo/bench/profile/speedscope-top.py" "$out/cycle.speedscope.json" '*' 60 > "$out/top.txt" || true
head -70 "$out/top.txt"
echo "results: $out" >&2
