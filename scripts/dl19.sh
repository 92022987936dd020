#!/usr/bin/env bash
# The main job on the bundled data: builds reval (release) and evaluates the four real
# TREC DL 2019 passage runs in Qrels/dl19-passage with trec_eval's default measures.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product reval >&2
reval=".build/release/reval"
qrels="Qrels/dl19-passage/qrels.dl19-passage.txt"
for run in Qrels/dl19-passage/runs/*; do
    echo "== $(basename "$run")"
    "$reval" eval "$qrels" "$run"
done
