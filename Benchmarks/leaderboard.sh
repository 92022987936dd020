#!/usr/bin/env bash
# Times `reval leaderboard` on a 20-system x 5-dataset experiment over 7,000-topic runs
# (100 documents per topic: 100 runs of 700,000 lines, about 2.5 GB) against evaluating the
# same 100 runs one by one with `reval eval -c` and the same measures, alternating the two,
# and prints the medians and their ratio.
# Usage: bash Benchmarks/leaderboard.sh [REPEATS]      (default 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
repeats="${1:-3}"
systems=20
datasets=5
topics=7000
depth=100

bash "$root/scripts/setup.sh"
(cd "$root" && swift build -c release --product reval >&2)
(cd "$here" && swift build -c release --product make-run >&2)
reval="$root/.build/release/reval"
make_run="$here/.build/release/make-run"

data="$here/.data/leaderboard"
mkdir -p "$data"
experiment="$data/experiment.yaml"
if [ ! -s "$experiment" ]; then
    {
        echo "title: Benchmark, $systems systems x $datasets datasets x $topics topics"
        echo "measures: [ndcg_cut.10, map, recall.100]"
        echo "baseline: s01"
        echo "datasets:"
        for d in $(seq 1 $datasets); do echo "  d$d: {qrels: d$d/qrels.txt}"; done
        echo "systems:"
        for s in $(seq -w 1 $systems); do
            echo "  s$s:"
            echo "    runs:"
            for d in $(seq 1 $datasets); do echo "      d$d: d$d/s$s.txt"; done
        done
        echo "leaderboard: {output: board}"
    } > "$experiment.tmp"
    for d in $(seq 1 $datasets); do
        mkdir -p "$data/d$d"
        for s in $(seq -w 1 $systems); do
            # Seed d*100+s; the qrels kept are those of system 1's seed (d*100+1), so system 1
            # is judged like a real run and the others overlap it less.
            "$make_run" "$data/d$d" $topics $depth $((d * 100 + 10#$s))
            mv "$data/d$d/run.txt" "$data/d$d/s$s.txt"
            if [ "$s" = "01" ]; then mv "$data/d$d/qrels.txt" "$data/d$d/qrels.keep"; else rm -f "$data/d$d/qrels.txt"; fi
        done
        mv "$data/d$d/qrels.keep" "$data/d$d/qrels.txt"
    done
    mv "$experiment.tmp" "$experiment"
fi

one_by_one() {
    for d in $(seq 1 $datasets); do
        for s in $(seq -w 1 $systems); do
            "$reval" eval -c -m ndcg_cut.10 -m map -m recall.100 "$data/d$d/qrels.txt" "$data/d$d/s$s.txt" >/dev/null
        done
    done
}
leaderboard() { "$reval" leaderboard "$experiment" --output-dir "$data" >/dev/null 2>&1; }
seconds() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); echo "$end - $start" | bc; }

# Warm the page cache once.
cat "$data"/d*/*.txt >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
a=(); b=()
for k in $(seq 1 "$repeats"); do
    a+=("$(seconds one_by_one)")
    b+=("$(seconds leaderboard)")
    echo "repeat $k: one by one ${a[-1]} s, leaderboard ${b[-1]} s"
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ma=$(median "${a[@]}"); mb=$(median "${b[@]}")
echo "median: 100 runs one by one (reval eval -c) $ma s; reval leaderboard $mb s; ratio $(echo "scale=3; $mb / $ma" | bc)"
