#!/usr/bin/env bash
# Scrape cycle end to end: a generated site of SOURCES x ARTICLES pages on 127.0.0.1 served by nginx,
# two full cycles (fetch, parse, dedupe, store, publish) with politeness off; the second finds nothing
# changed and should be answered with 304s.
#
#   bench/scrape-cycle/run.sh [--smoke]
#
# Targets (issue 9): >= 500 pages/s, peak RSS <= 300 MB, second cycle >= 5x faster than the first.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
sources=50 articles=200
[[ "${1:-}" == "--smoke" ]] && { sources=2; articles=10; }
port=$(( 20000 + RANDOM % 20000 ))
work=$(mktemp -d /tmp/nfw-cycle.XXXXXX)
out="$repo/bench/results/cycle-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

nginx_pid=""
cleanup() {
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

python3 "$repo/bench/scrape-cycle/generate-site.py" --out "$work" --sources "$sources" --articles "$articles" --port "$port" > "$out/site.json"
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/s00/list-1.html" && break; sleep 0.1; done
: > "$work/access.log"

dotnet build -c Release --nologo -v quiet "$repo/bench/NewsFeedWorker.Benchmarks" >&2
dotnet run -c Release --no-build --project "$repo/bench/NewsFeedWorker.Benchmarks" -- \
  cycle --sources "$work/sources.json" --data "$work/data" --cycles 2 --access-log "$work/access.log" --json | tee "$out/cycle.json"
echo "results: $out" >&2
