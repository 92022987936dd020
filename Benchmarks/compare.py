"""Times reval against trec_eval, pytrec_eval and ir_measures on the benchmark collection,
alternating the commands, and prints medians, the ratios of issue 16's table with their
goals, and whether every input form gives trec_eval's output. Run through compare.sh,
which builds and generates everything first.
Usage: compare.py DATA REVAL REPEATS [TREC_EVAL]"""
import os
import statistics
import subprocess
import sys

from timing import measure

data, reval, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
trec_eval = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
qrels, run = f"{data}/qrels.txt", f"{data}/run.txt"
here = os.path.dirname(os.path.abspath(__file__))
python = sys.executable

# name: (argv, file for stdin or None)
commands = {
    "reval default": ([reval, "eval", qrels, run], None),
    "reval default, 1 thread": ([reval, "eval", "--threads", "1", qrels, run], None),
    "reval all_trec": ([reval, "eval", "-m", "all_trec", qrels, run], None),
    "reval BEIR JSON run": ([reval, "eval", qrels, f"{data}/run.json"], None),
    "reval shuffled run": ([reval, "eval", qrels, f"{data}/run-shuffled.txt"], None),
    "reval run on stdin": ([reval, "eval", qrels, "-"], run),
    "reval zstd run": ([reval, "eval", qrels, run + ".zst"], None),
    "reval gzip run": ([reval, "eval", qrels, run + ".gz"], None),
    "zcat run.gz": (["zcat", run + ".gz"], None),
    "pytrec_eval default": ([python, f"{here}/pytrec_eval_run.py", qrels, run, "official"], None),
    "ir_measures default": ([python, f"{here}/ir_measures_run.py", qrels, run, "official"], None),
}
if trec_eval:
    commands["trec_eval default"] = ([trec_eval, qrels, run], None)
    commands["trec_eval all_trec"] = ([trec_eval, "-m", "all_trec", qrels, run], None)



samples = {name: [] for name in commands}
for r in range(repeats):
    for name, (argv, stdin_file) in commands.items():
        samples[name].append(measure(argv, stdin_file))
    print(f"round {r + 1}/{repeats} done, load {os.getloadavg()[0]:.2f}", file=sys.stderr)

median = {name: tuple(statistics.median(s[k] for s in runs) for k in range(3)) for name, runs in samples.items()}
print(f"{'command':26} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}   (medians of {repeats}, commands alternated)")
for name, (wall, cpu, rss) in median.items():
    print(f"{name:26} {wall:8.3f} {cpu:8.3f} {rss:9.1f}")


def ratio(a, b, k=0):
    return median[a][k] / median[b][k]


WALL, MEMORY = 0, 2
rows = []  # (case, value text, goal text, met)
if trec_eval:
    for case, ours, theirs, k, goal in [
        ("default measures, wall", "reval default", "trec_eval default", WALL, 20),
        ("peak memory", "reval default", "trec_eval default", MEMORY, 3),
        ("-m all_trec, wall", "reval all_trec", "trec_eval all_trec", WALL, 15),
    ]:
        times = ratio(theirs, ours, k)
        rows.append((case, f"{times:.1f}x {'less' if k == MEMORY else 'faster'} than trec_eval", f">= {goal}x", times >= goal))
for case, a, b, k, goal, at_most in [
    ("BEIR results JSON run, wall", "reval BEIR JSON run", "reval default", WALL, 1.0, True),
    ("shuffled run, wall", "reval shuffled run", "reval default", WALL, 1.5, True),
    ("shuffled run, peak memory", "reval shuffled run", "reval default", MEMORY, 1.5, True),
    ("run on stdin, peak memory", "reval run on stdin", "reval default", MEMORY, 1.25, True),
    ("1 thread / 2 threads, wall", "reval default, 1 thread", "reval default", WALL, 1.6, False),
    ("zstd run / plain run, wall", "reval zstd run", "reval default", WALL, 1.3, True),
    ("gzip run / zcat alone, wall", "reval gzip run", "zcat run.gz", WALL, 1.0, True),
]:
    value = ratio(a, b, k)
    met = value <= goal if at_most else value >= goal
    rows.append((case, f"{value:.2f}x", f"{'<=' if at_most else '>='} {goal}x", met))
for other in ["pytrec_eval", "ir_measures"]:
    rows.append((f"default measures vs {other}", f"{ratio(f'{other} default', 'reval default'):.1f}x faster, "
                 f"{ratio(f'{other} default', 'reval default', MEMORY):.1f}x less memory", "(no goal)", None))

print()
print(f"| case | reval | goal | met |\n|---|---|---|---|")
for case, value, goal, met in rows:
    print(f"| {case} | {value} | {goal} | {'' if met is None else 'yes' if met else 'NO'} |")


def output(argv, stdin_file=None):
    with open(stdin_file, "rb") if stdin_file else open(os.devnull, "rb") as stdin:
        text = subprocess.run(argv, stdin=stdin, capture_output=True, check=True).stdout.decode()
    # trec_eval's -O2 build miscomputes rbp (undefined behaviour); a BEIR run has no tag.
    return [line for line in text.splitlines() if not line.startswith(("rbp", "runid"))]


print()
for flags in [[], ["-q", "-m", "all_trec"]]:
    reference = output([trec_eval, *flags, qrels, run]) if trec_eval else output([reval, "eval", "--threads", "1", *flags, qrels, run])
    forms = {f"{threads} threads": ([reval, "eval", "--threads", threads, *flags, qrels, run], None) for threads in ["1", "2", "8"]}
    forms.update({
        "shuffled": ([reval, "eval", *flags, qrels, f"{data}/run-shuffled.txt"], None),
        "stdin": ([reval, "eval", *flags, qrels, "-"], run),
        "zstd": ([reval, "eval", *flags, qrels, run + ".zst"], None),
        "gzip": ([reval, "eval", *flags, qrels, run + ".gz"], None),
        "BEIR JSON": ([reval, "eval", *flags, qrels, f"{data}/run.json"], None),
    })
    differing = [name for name, (argv, stdin_file) in forms.items() if output(argv, stdin_file) != reference]
    against = "trec_eval" if trec_eval else "reval --threads 1 (no trec_eval given)"
    print(f"{' '.join(flags) or 'default'}: every form identical to {against} (rbp, runid aside): "
          f"{'yes' if not differing else 'NO: ' + ', '.join(differing)}")
