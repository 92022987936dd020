#!/usr/bin/env bash
# The main job on the bundled data: installs the build's system libraries when they are
# missing, builds reval (release), regenerates every leaderboard in Reports/ from its
# experiment file over Qrels/ (Markdown, CSV, JSON, HTML, LaTeX), and prints the TREC DL
# 2019 passage leaderboard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product reval >&2
reval=".build/release/reval"
for experiment in Reports/*.yaml; do
    [ "$experiment" = "Reports/dl19.yaml" ] && continue
    "$reval" leaderboard "$experiment" >/dev/null
done
"$reval" leaderboard Reports/dl19.yaml
