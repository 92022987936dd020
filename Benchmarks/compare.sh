#!/usr/bin/env bash
# Times reval against pytrec_eval (installed with pip when missing) and trec_eval (when
# one is on PATH) on a deterministic 7000 x 1000 run (7M lines, about 250 MB).
# Usage: bash Benchmarks/compare.sh [REPEATS]      (default 5)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
repeats="${1:-5}"

bash "$root/scripts/setup.sh"
command -v zstd >/dev/null || {
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y -qq zstd >/dev/null
}
python3 -c "import pytrec_eval" 2>/dev/null || python3 -m pip install -q pytrec-eval-terrier

(cd "$root" && swift build -c release --product reval >&2)
(cd "$here" && swift build -c release --product make-run >&2)

data="$here/.data"
mkdir -p "$data"
[ -s "$data/run.txt" ] || "$here/.build/release/make-run" "$data"
[ -s "$data/run.txt.zst" ] || zstd -q -3 -T0 -f "$data/run.txt" -o "$data/run.txt.zst"
[ -s "$data/run.txt.gz" ] || gzip -6 -c "$data/run.txt" > "$data/run.txt.gz"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/compare.py" "$data" "$root/.build/release/reval" "$repeats"
