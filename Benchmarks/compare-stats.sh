#!/usr/bin/env bash
# Times `reval compare` against `reval eval` of the same two runs on the 7000-topic benchmark
# collection, the randomization test with 1,000,000 permutations on 1 and on all cores, and
# the same statistics in scipy and ranx (installed with pip when missing).
# Usage: bash Benchmarks/compare-stats.sh [REPEATS]      (default 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
repeats="${1:-3}"

bash "$root/scripts/setup.sh"
python3 -c "import scipy, numpy" 2>/dev/null || python3 -m pip install -q scipy numpy
python3 -c "import ranx" 2>/dev/null || python3 -m pip install -q ranx

(cd "$root" && swift build -c release --product reval >&2)
(cd "$here" && swift build -c release --product make-run >&2)

data="$here/.data"
mkdir -p "$data"
[ -s "$data/run-b.txt" ] || "$here/.build/release/make-run" "$data" 7000 1000 --second-run

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/compare_stats.py" "$data" "$root/.build/release/reval" "$repeats"
