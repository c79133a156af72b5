#!/usr/bin/env bash
# Extraction throughput of NewsFeedWorker (AngleSharp parse, full generic extraction) against Mozilla
# Readability on jsdom, over the same saved pages, one after the other on a quiet machine.
#
#   bench/extract-compare.sh [--smoke] [DIR] [PATTERN]
#
# DIR defaults to the shared Readability corpus, PATTERN to source.html there and *.html elsewhere.
# Results (both JSON objects and the summary) go to bench/results/extract-<UTC time>/ (git-ignored).
# Target: full extraction >= 20x Readability's pages/s.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

smoke=()
if [[ "${1:-}" == "--smoke" ]]; then
  smoke=(--smoke)
  shift
fi

default_corpus="$repo/../shared/corpus/dev/readability"
[[ -d "$default_corpus" ]] || default_corpus=/work/shared/corpus/dev/readability
pages="${1:-$default_corpus}"
if [[ -n "${2:-}" ]]; then
  pattern="$2"
elif [[ "$pages" == */readability || "$pages" == */readability/ ]]; then
  pattern='source.html' # the corpus also holds expected.html, Readability's answers
else
  pattern='*.html'
fi
[[ -d "$pages" ]] || { echo "no such folder: $pages" >&2; exit 2; }

out="$repo/bench/results/extract-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

echo "== installing the Readability harness (npm ci)" >&2
(cd "$repo/bench/readability" && { [[ -d node_modules/jsdom ]] || npm ci --no-audit --no-fund --loglevel=error; })

echo "== building NewsFeedWorker.Benchmarks (Release)" >&2
dotnet build -c Release --nologo -v quiet "$repo/bench/NewsFeedWorker.Benchmarks" >&2

echo "== NewsFeedWorker: extract --pages $pages --pattern $pattern" >&2
dotnet run -c Release --no-build --project "$repo/bench/NewsFeedWorker.Benchmarks" -- \
  extract --pages "$pages" --pattern "$pattern" --json "${smoke[@]}" > "$out/newsfeedworker.json"

echo "== Readability + jsdom on the same pages" >&2
node "$repo/bench/readability/readability-bench.mjs" --pages "$pages" --pattern "$pattern" --json "${smoke[@]}" \
  > "$out/readability.json"

jq -n --slurpfile n "$out/newsfeedworker.json" --slurpfile r "$out/readability.json" '
  ($n[0]) as $n | ($r[0]) as $r |
  {
    pages: $n.pages, readabilityPages: $r.pages,
    newsFeedWorkerMode: $n.mode,
    parsePagesPerSec: $n.parsePagesPerSec,
    extractPagesPerSec: $n.extractPagesPerSec,
    extractToParseTimeRatio: $n.extractToParseTimeRatio,
    extractAllocatedToPageSize: $n.extractAllocatedToPageSize,
    jsdomParsePagesPerSec: $r.jsdomParsePagesPerSec,
    readabilityPagesPerSec: $r.extractPagesPerSec,
    extractVsReadability: ($n.extractPagesPerSec / $r.extractPagesPerSec),
    parseVsJsdomParse: ($n.parsePagesPerSec / $r.jsdomParsePagesPerSec),
    targetMet: (($n.extractPagesPerSec / $r.extractPagesPerSec) >= 20),
    smoke: $n.smoke
  }' > "$out/summary.json"

jq -r '
  "pages:                          \(.pages) (Readability: \(.readabilityPages))",
  "NewsFeedWorker mode:            \(.newsFeedWorkerMode)",
  "AngleSharp parse only:          \(.parsePagesPerSec * 10 | round / 10) pages/s",
  "NewsFeedWorker full extraction: \(.extractPagesPerSec * 10 | round / 10) pages/s (extract/parse time \(.extractToParseTimeRatio * 100 | round / 100)x, allocates \(.extractAllocatedToPageSize * 10 | round / 10)x page size)",
  "jsdom parse only:               \(.jsdomParsePagesPerSec * 10 | round / 10) pages/s",
  "jsdom + Readability:            \(.readabilityPagesPerSec * 10 | round / 10) pages/s",
  "extraction vs Readability:      \(.extractVsReadability * 10 | round / 10)x (target >= 20x: \(if .targetMet then "met" else "MISSED" end))\(if .smoke then "  [smoke run: not for quoting]" else "" end)"
' "$out/summary.json"
echo "results: $out" >&2
