"""Times reval compare against reval eval on two 7000-topic runs, the randomization test
at 1,000,000 permutations, and the same statistics in scipy and ranx. Run through
compare-stats.sh, which builds and generates everything first."""
import csv
import statistics
import subprocess
import sys
import time

from timing import measure

import numpy as np
import scipy
import scipy.stats as st

data, reval, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
qrels, a, b = f"{data}/qrels.txt", f"{data}/run.txt", f"{data}/run-b.txt"

commands = {
    "reval eval (default measures), two runs": [reval, "eval", qrels, a, b],
    "reval eval -m ndcg_cut.10 -m map, two runs": [reval, "eval", "-m", "ndcg_cut.10", "-m", "map", qrels, a, b],
    "reval compare (defaults)": [reval, "compare", qrels, a, b],
    "reval compare, randomization 1M, 2 threads": [reval, "compare", "-m", "ndcg_cut.10", "--test", "randomization",
                                                   "--permutations", "1000000", qrels, a, b],
    "reval compare, randomization 1M, 1 thread": [reval, "compare", "-m", "ndcg_cut.10", "--test", "randomization",
                                                  "--permutations", "1000000", "--threads", "1", qrels, a, b],
}



samples = {name: [] for name in commands}
for r in range(repeats):
    for name, argv in commands.items():
        samples[name].append(measure(argv))
    print(f"round {r + 1}/{repeats} done", file=sys.stderr)
median = {name: tuple(statistics.median(s[k] for s in runs) for k in range(3)) for name, runs in samples.items()}
print(f"{'command':46} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}   (medians of {repeats}, alternated)")
for name, (wall, cpu, rss) in median.items():
    print(f"{name:46} {wall:8.3f} {cpu:8.3f} {rss:9.1f}")
ev, cmp = median["reval eval (default measures), two runs"], median["reval compare (defaults)"]
same = median["reval eval -m ndcg_cut.10 -m map, two runs"]
print(f"compare / eval (default measures): wall {cmp[0] / ev[0]:.2f}x, cpu {cmp[1] / ev[1]:.2f}x   (target <= 1.2x)")
print(f"compare / eval (the same two measures): wall {cmp[0] / same[0]:.2f}x, cpu {cmp[1] / same[1]:.2f}x")
r1, r2 = median["reval compare, randomization 1M, 1 thread"], median["reval compare, randomization 1M, 2 threads"]
print(f"randomization 1M: 1 thread / 2 threads (wall) {r1[0] / r2[0]:.2f}x")

# The per-topic values, as reval computes them (trec_eval's), for the Python libraries.
per_query = f"{data}/per-query.csv"
subprocess.run([reval, "compare", "-m", "ndcg_cut.10", "--per-query", per_query, qrels, a, b],
               check=True, stdout=subprocess.DEVNULL)
with open(per_query) as f:
    rows = list(csv.reader(f))[1:]
x = np.array([float(r[2]) for r in rows])
y = np.array([float(r[3]) for r in rows])
d = y - x


def timed(label, body, runs=repeats):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    print(f"{label:64} {statistics.median(times):8.3f} s")


print(f"\nstatistics on n = {len(d)} per-topic values (ndcg_cut_10), wall, median of {repeats}")
print(f"scipy {scipy.__version__}, numpy {np.__version__}")
rng = np.random.default_rng(1)
# reval's statistics alone: compare minus eval of the same measures above; here the
# libraries' own statistics on per-topic values already in memory.
timed("scipy ttest_rel", lambda: st.ttest_rel(y, x))
timed("scipy wilcoxon", lambda: st.wilcoxon(y, x))


def permutation(n):
    return st.permutation_test((d,), lambda s, axis: np.abs(np.mean(s, axis=axis)), permutation_type="samples",
                               n_resamples=n, batch=1000, vectorized=True, rng=rng)


timed("scipy permutation_test, 100,000 sign flips (batch 1000)", lambda: permutation(100_000), runs=1)
# 1,000,000 sign flips would take ten times as long again; not run.
timed("scipy bootstrap percentile, 10,000 resamples (batch 1000)",
      lambda: st.bootstrap((d,), np.mean, n_resamples=10_000, batch=1000, method="percentile", rng=rng))

try:
    import importlib.metadata
    import ranx
    from ranx import Qrels, Run
    from ranx.statistical_tests import fisher_randomization_test, paired_student_t_test
    print(f"ranx {importlib.metadata.version('ranx')}, numba {importlib.metadata.version('numba')}")
    fisher_randomization_test(x[:50], y[:50], 10)   # compiles (numba, cached)
    timed("ranx fisher_randomization_test, 100,000 (numba, all cores)", lambda: fisher_randomization_test(x, y, 100_000), runs=1)
    # 1,000,000 would take ten times as long again; not run.
    timed("ranx paired_student_t_test", lambda: paired_student_t_test(x, y))

    def ranx_end_to_end():
        q = Qrels.from_file(qrels, kind="trec")
        runs = [Run.from_file(a, kind="trec"), Run.from_file(b, kind="trec")]
        runs[0].name, runs[1].name = "a", "b"
        ranx.compare(q, runs, metrics=["ndcg@10", "map"], stat_test="fisher", n_permutations=100_000)

    timed("ranx end to end: read qrels and both runs, compare, fisher 100,000", ranx_end_to_end, runs=1)
except ImportError as error:
    print(f"ranx not measured: {error}")
