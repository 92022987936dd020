#!/usr/bin/env bash
# Times reval against trec_eval 10.0 (built with -O2), pytrec_eval and ir_measures on a
# deterministic 7000 x 1000 run (7M lines, about 250 MB) in every input form reval reads,
# alternating the commands, and prints medians, ratios and the goals of issue 16.
#
# Usage: bash Benchmarks/compare.sh [--trec-eval SOURCE_DIR|BINARY] [REPEATS]   (default 5)
#
# trec_eval: give its source folder (built here with -O2) or a binary; without the flag,
# $TREC_EVAL is used, then Benchmarks/.data/trec_eval-src. To get the source:
#   git clone https://github.com/usnistgov/trec_eval Benchmarks/.data/trec_eval-src
#   git -C Benchmarks/.data/trec_eval-src checkout v10.0
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
data="$here/.data"
trec_eval="${TREC_EVAL:-$data/trec_eval-src}"
repeats=5
while [ $# -gt 0 ]; do
    case "$1" in
        --trec-eval) trec_eval="$2"; shift 2 ;;
        *) repeats="$1"; shift ;;
    esac
done

bash "$root/scripts/setup.sh"
command -v zstd >/dev/null || {
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y -qq zstd >/dev/null
}
python3 -c "import pytrec_eval" 2>/dev/null || python3 -m pip install -q pytrec-eval-terrier
python3 -c "import ir_measures" 2>/dev/null || python3 -m pip install -q ir-measures

(cd "$root" && swift build -c release --product reval >&2)
(cd "$here" && swift build -c release --product make-run >&2)
reval="$root/.build/release/reval"

mkdir -p "$data"
[ -s "$data/run.txt" ] || "$here/.build/release/make-run" "$data"
[ -s "$data/run.txt.zst" ] || zstd -q -3 -T0 -f "$data/run.txt" -o "$data/run.txt.zst"
[ -s "$data/run.txt.gz" ] || gzip -6 -c "$data/run.txt" > "$data/run.txt.gz"
[ -s "$data/run-shuffled.txt" ] || shuf --random-source=<(yes) "$data/run.txt" > "$data/run-shuffled.txt"
[ -s "$data/run.json" ] || "$reval" convert --to beir "$data/run.txt" "$data/run.json"

# trec_eval 10.0 with -O2, from its source folder (built once into .data) or as given.
if [ -d "$trec_eval" ]; then
    built="$data/trec_eval-O2"
    if [ ! -x "$built/trec_eval" ]; then
        rm -rf "$built" && cp -r "$trec_eval" "$built"
        make -C "$built" -s CFLAGS='-O2 -I. -DVERSIONID=\"10.0\"' trec_eval >&2
    fi
    trec_eval="$built/trec_eval"
fi
if [ ! -x "$trec_eval" ]; then
    echo "compare: no trec_eval (see the usage at the top of $0); its rows are left out" >&2
    trec_eval=""
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/compare.py" "$data" "$reval" "$repeats" "$trec_eval"
