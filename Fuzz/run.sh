#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (all targets when none are named).
#
#   Fuzz/run.sh 600                      # every target, 10 minutes each
#   Fuzz/run.sh 60 FuzzTrecRun FuzzZstd  # two targets, a minute each
#   SANITIZE=address Fuzz/run.sh 60      # with AddressSanitizer too
#   RUNS=10000000 Fuzz/run.sh 900 FuzzGzip  # stop at 10M executions (or SECONDS)
#
# Seeds are in Fuzz/corpus/TARGET (committed, read only); what the fuzzer finds grows in
# Fuzz/.corpus/TARGET and crashing inputs land in Fuzz/crashes/TARGET (both git-ignored).
# Each target's -max_len is the `fuzz-max-len:` line of its source file, and its memory limit
# the `fuzz-rss-limit-mb:` line (2048 when there is none).
#
# To free the cores (for a benchmark, say), interrupt a fuzzer (SIGINT: it prints its final
# stats and keeps its corpus) rather than pause it: -timeout counts wall time, so a SIGSTOP of
# more than 10 s makes libFuzzer report a timeout, write a timeout-* file and stop.
set -euo pipefail
cd "$(dirname "$0")"

if [ $# -lt 1 ]; then
    echo "usage: Fuzz/run.sh SECONDS [TARGET...]" >&2
    exit 1
fi
seconds=$1
shift
if [ $# -gt 0 ]; then
    targets=("$@")
else
    targets=()
    for dir in Sources/Fuzz*/; do
        name=$(basename "$dir")
        [ "$name" = FuzzSupport ] || targets+=("$name")
    done
fi

sanitizers=(--sanitize=fuzzer)
scratch=.build-fuzz
if [ -n "${SANITIZE:-}" ]; then
    # Not a second --sanitize: SwiftPM would pass swiftc -sanitize=fuzzer -sanitize=address,
    # and swiftc keeps only the last, so the code would lose its coverage counters.
    sanitizers+=(-Xswiftc -sanitize=fuzzer,"$SANITIZE")
    scratch=.build-fuzz-$SANITIZE
fi
swift build -c release "${sanitizers[@]}" --scratch-path "$scratch"
bin=$(swift build -c release "${sanitizers[@]}" --scratch-path "$scratch" --show-bin-path)

# Let libFuzzer's handlers see crashes (and write the input), not Swift's backtracer.
export SWIFT_BACKTRACE=enable=no

status=0
for target in "${targets[@]}"; do
    source_file=$(ls "Sources/$target"/*.swift | head -1)
    max_len=$(sed -n 's/.*fuzz-max-len: *\([0-9]*\).*/\1/p' "$source_file" | head -1)
    rss_limit=$(sed -n 's/.*fuzz-rss-limit-mb: *\([0-9]*\).*/\1/p' "$source_file" | head -1)
    mkdir -p ".corpus/$target" "crashes/$target" "corpus/$target"
    log=".corpus/$target.log"
    echo "== $target: ${seconds}s, -max_len=${max_len:-4096}"
    set +e
    "$bin/$target" ".corpus/$target" "corpus/$target" \
        -max_len="${max_len:-4096}" -max_total_time="$seconds" ${RUNS:+-runs="$RUNS"} \
        -timeout=10 -rss_limit_mb="${rss_limit:-2048}" -print_final_stats=1 \
        -artifact_prefix="crashes/$target/" </dev/null >"$log" 2>&1
    code=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    corpus=$(ls ".corpus/$target" | wc -l)
    crashes=$(ls "crashes/$target" | wc -l)
    echo "$target: ${runs:-?} executions in ${took:-?} s, ${rate:-?} exec/s, corpus $corpus, crash files $crashes, exit $code"
    if [ "$code" -ne 0 ]; then
        status=1
        grep -E "ERROR|invariant|Fatal error|SUMMARY|Test unit written" "$log" | head -20 || true
    fi
done
exit $status
