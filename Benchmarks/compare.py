"""Times reval against pytrec_eval and (when on PATH) trec_eval on the benchmark
collection, alternating the commands, and prints medians, ratios and the issue's targets.
Run through compare.sh, which builds and generates everything first."""
import os
import shutil
import statistics
import subprocess
import sys
import time

data, reval, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
qrels, run = f"{data}/qrels.txt", f"{data}/run.txt"
here = os.path.dirname(os.path.abspath(__file__))

commands = {
    "reval default": [reval, "eval", qrels, run],
    "reval default, 1 thread": [reval, "eval", "--threads", "1", qrels, run],
    "reval all_trec": [reval, "eval", "-m", "all_trec", qrels, run],
    "reval default, zstd run": [reval, "eval", qrels, run + ".zst"],
    "reval default, gzip run": [reval, "eval", qrels, run + ".gz"],
    "zcat run.gz": ["sh", "-c", f"zcat {run}.gz > /dev/null"],
    "pytrec_eval default": [sys.executable, f"{here}/pytrec_eval_run.py", qrels, run, "official"],
    "pytrec_eval all": [sys.executable, f"{here}/pytrec_eval_run.py", qrels, run, "all"],
}
trec_eval = shutil.which("trec_eval")
if trec_eval and os.path.realpath(trec_eval) != os.path.realpath(reval):
    commands["trec_eval default"] = [trec_eval, qrels, run]
    commands["trec_eval all_trec"] = [trec_eval, "-m", "all_trec", qrels, run]


def measure(argv):
    """Wall seconds, CPU seconds (user + system) and peak RSS in MiB of one run."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"compare: {' '.join(argv)} failed with status {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


samples = {name: [] for name in commands}
for r in range(repeats):
    for name, argv in commands.items():
        samples[name].append(measure(argv))
    print(f"round {r + 1}/{repeats} done", file=sys.stderr)

median = {name: tuple(statistics.median(s[k] for s in runs) for k in range(3)) for name, runs in samples.items()}
print(f"{'command':28} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}   (medians of {repeats}, commands alternated)")
for name, (wall, cpu, rss) in median.items():
    print(f"{name:28} {wall:8.3f} {cpu:8.3f} {rss:9.1f}")


def ratio(a, b, k=0):
    return median[a][k] / median[b][k]


print()
print("targets")
for reference in ["trec_eval", "pytrec_eval"]:
    if f"{reference} default" not in median:
        print(f"  {reference}: not on PATH, not measured")
        continue
    other = "all_trec" if reference == "trec_eval" else "all"
    print(f"  default measures: reval wall / {reference} wall = 1/{1 / ratio('reval default', reference + ' default'):.1f}")
    print(f"  all_trec:         reval wall / {reference} wall = 1/{1 / ratio('reval all_trec', f'{reference} {other}'):.1f}")
    print(f"  peak memory:      reval / {reference} = 1/{1 / ratio('reval default', reference + ' default', 2):.1f}")
print(f"  zstd run / plain run (wall): {ratio('reval default, zstd run', 'reval default'):.2f}x   (target <= 1.5x)")
print(f"  gzip run / plain run (wall): {ratio('reval default, gzip run', 'reval default'):.2f}x; "
      f"gzip run / zcat alone: {ratio('reval default, gzip run', 'zcat run.gz'):.2f}x")
print(f"  1 thread / 2 threads (wall): {ratio('reval default, 1 thread', 'reval default'):.2f}x   (target >= 1.6x on an idle machine)")

outputs = set()
for threads in ["1", "2", "8"]:
    out = subprocess.run([reval, "eval", "-q", "-m", "all_trec", "--threads", threads, qrels, run],
                         capture_output=True, check=True).stdout
    outputs.add(out)
print(f"  -q -m all_trec output identical for 1, 2 and 8 threads: {'yes' if len(outputs) == 1 else 'NO'}")
