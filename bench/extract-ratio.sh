#!/usr/bin/env bash
# The extract/parse ratio of issue 13's speed bound, over several processes: the bare-parse figure moves by about
# ±15 % from one process to the next (dynamic PGO compiles AngleSharp's parser differently each time), so one run
# says little. Prints each run and the medians.
#
#   bench/extract-ratio.sh [RUNS=5] [PAGES_DIR=/tmp/sh]
#
# PAGES_DIR holds the scrapinghub development pages, gunzipped:
#   mkdir -p /tmp/sh && for f in ../shared/corpus/dev/scrapinghub/html/*.html.gz; do zcat "$f" > /tmp/sh/$(basename "${f%.gz}"); done
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
pages="${2:-/tmp/sh}"
dll="$repo/bench/NewsFeedWorker.Benchmarks/bin/Release/net10.0/NewsFeedWorker.Benchmarks.dll"
[[ -f "$dll" ]] || dotnet build -c Release --nologo -v quiet "$repo/bench/NewsFeedWorker.Benchmarks" >&2
for _ in $(seq "$runs"); do
  dotnet "$dll" extract --pages "$pages" --mode PageParser --min-seconds 8 --warmup-seconds 2 --json
done | python3 -c '
import json, statistics, sys
rows = [json.loads(line) for line in sys.stdin if line.startswith("{")]
keys = [("parsePagesPerSec", "parse pages/s", "{:.0f}"), ("extractPagesPerSec", "extract pages/s", "{:.0f}"),
        ("extractToParseTimeRatio", "ratio", "{:.2f}"), ("extractToParseCpuTimeRatio", "CPU ratio", "{:.2f}"),
        ("extractAllocatedBytesPerPage", "allocated B/page", "{:.0f}"), ("extractGcPauseShare", "GC pause", "{:.1%}")]
print("\t".join(label for _, label, _ in keys))
for row in rows:
    print("\t".join(fmt.format(row[key]) for key, _, fmt in keys))
print("\t".join(fmt.format(statistics.median(r[key] for r in rows)) for key, _, fmt in keys) + "\t(median of %d runs)" % len(rows))
'
