#!/usr/bin/env bash
# Times `reval fuse` on two deterministic 7000 x 1000 runs (7M lines, about 250 MB each)
# against the time reval takes to read the same two runs (docs/performance.md, "Fusion").
# Usage: bash Benchmarks/fuse.sh [REPEATS]      (default 5)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
repeats="${1:-5}"

(cd "$root" && swift build -c release --product reval >&2)
(cd "$here" && swift build -c release --product make-run >&2)

data="$here/.data"
mkdir -p "$data/fusion-a" "$data/fusion-b"
# Two systems over the same topic ids: the default seed, and another one.
[ -s "$data/fusion-a/run.txt" ] || "$here/.build/release/make-run" "$data/fusion-a"
[ -s "$data/fusion-b/run.txt" ] || "$here/.build/release/make-run" "$data/fusion-b" 7000 1000 777

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/fuse.py" "$data" "$root/.build/release/reval" "$repeats"
