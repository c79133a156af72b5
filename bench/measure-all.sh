#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md, one after the other, on a quiet machine; outputs under
# bench/results/all-<UTC time>/. Takes about 12 minutes on 2 cores (the
# dedupe step fills a 1M-row SQLite file once at /tmp/nfw-bench-1m.db and reuses it).
#
#   bench/measure-all.sh [CORPUS_DIR]
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$repo/../shared/corpus/dev/readability}"
out="$repo/bench/results/all-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
bench=(dotnet run -c Release --no-build --project "$repo/bench/NewsFeedWorker.Benchmarks" --)

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  grep -m1 'model name' /proc/cpuinfo
  grep -m1 'cpu MHz' /proc/cpuinfo
  grep MemTotal /proc/meminfo
  echo "kernel: $(uname -r)"
  echo "dotnet: $(dotnet --version)"
  echo "node: $(node --version)"
  echo "load: $(cat /proc/loadavg)"
  echo "commit: $(git -C "$repo" rev-parse HEAD)"
} | tee "$out/machine.txt"

dotnet build -c Release --nologo -v quiet "$repo/bench/NewsFeedWorker.Benchmarks" >&2 || exit 1
step() { echo "== $1 (load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S))" | tee -a "$out/machine.txt" >&2; shift; "$@"; }

step "extraction vs Readability" "$repo/bench/extract-compare.sh" "$corpus" > "$out/extract-compare.txt" 2>&1
step "BenchmarkDotNet extraction" "${bench[@]}" bdn --filter '*ExtractionBenchmarks*' --artifacts "$out/bdn" > "$out/bdn.txt" 2>&1
step "dedupe at scale" "$repo/bench/with-postgres.sh" "${bench[@]}" dedupe --db /tmp/nfw-bench-1m.db --phase-seconds 30 --json > "$out/dedupe.txt" 2>&1
step "canonical-URL insert rate" "$repo/bench/with-postgres.sh" "${bench[@]}" url-insert --json > "$out/url-insert.txt" 2>&1
step "scrape cycle" "$repo/bench/scrape-cycle/run.sh" > "$out/scrape-cycle.txt" 2>&1
step "feed serving" "$repo/bench/feed-serving/run.sh" > "$out/feed-serving.txt" 2>&1
echo "== done (load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S))" | tee -a "$out/machine.txt" >&2
echo "results: $out" >&2
