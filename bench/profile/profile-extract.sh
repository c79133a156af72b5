#!/usr/bin/env bash
# CPU profile of full extraction over saved pages: where PageParser.Parse spends its time.
#
#   bench/profile/profile-extract.sh [DIR] [PATTERN]
#
# Needs dotnet-trace (dotnet tool install -g dotnet-trace). Prints the top frames by inclusive time under
# PageParser.Parse and who calls AngleSharp's ParseDocument; the trace stays in bench/results/ for speedscope.app.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-trace >/dev/null || { echo "dotnet-trace missing: dotnet tool install -g dotnet-trace" >&2; exit 1; }
default_corpus="$repo/../shared/corpus/dev/readability"
[[ -d "$default_corpus" ]] || default_corpus=/work/shared/corpus/dev/readability
pages="${1:-$default_corpus}"
pattern="${2:-source.html}"
out="$repo/bench/results/profile-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
dotnet build -c Release --nologo -v quiet "$repo/bench/NewsFeedWorker.Benchmarks" >&2
cd "$repo/bench/NewsFeedWorker.Benchmarks/bin/Release/net10.0"
dotnet-trace collect --format Speedscope -o "$out/extract.nettrace" -- \
  dotnet NewsFeedWorker.Benchmarks.dll extract --pages "$pages" --pattern "$pattern" --mode PageParser --warmup-seconds 1 --min-seconds 8 >&2
python3 "$repo/bench/profile/speedscope-top.py" "$out/extract.speedscope.json" "PageParser.Parse(" 40
echo
echo "callers of HtmlParser.ParseDocument:"
python3 "$repo/bench/profile/speedscope-top.py" "$out/extract.speedscope.json" --callers "HtmlParser.ParseDocument("
echo "trace: $out/extract.speedscope.json" >&2
