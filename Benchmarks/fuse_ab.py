"""Times two builds of reval against each other on the fusion benchmark's runs, alternating
every command (reading both runs, then each fusion with the new and the old build), and
prints medians and ratios against reading both runs in one process.

Usage (after `bash Benchmarks/fuse.sh` has made the runs):
    python3 Benchmarks/fuse_ab.py Benchmarks/.data NEW_REVAL OLD_REVAL [REPEATS]   (default 7)
"""
import os
import statistics
import sys
import tempfile

from timing import measure

data, new, old = sys.argv[1], sys.argv[2], sys.argv[3]
repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 7
a, b, qrels = f"{data}/fusion-a/run.txt", f"{data}/fusion-b/run.txt", f"{data}/fusion-a/qrels.txt"
out = os.path.join(tempfile.mkdtemp(dir=data), "fused.txt")
commands = {
    "read A and B in one process": [new, "eval", "-m", "num_ret", qrels, a, b],
    "read A": [new, "eval", "-m", "num_ret", qrels, a],
    "read B": [new, "eval", "-m", "num_ret", qrels, b],
    "new: fuse cc": [new, "fuse", "--method", "cc", "--output", out, a, b],
    "old: fuse cc": [old, "fuse", "--method", "cc", "--output", out, a, b],
    "new: fuse rrf": [new, "fuse", "--method", "rrf", "--output", out, a, b],
    "old: fuse rrf": [old, "fuse", "--method", "rrf", "--output", out, a, b],
    "new: fuse combmnz zscore": [new, "fuse", "--method", "combmnz", "--norm", "zscore", "--output", out, a, b],
    "old: fuse combmnz zscore": [old, "fuse", "--method", "combmnz", "--norm", "zscore", "--output", out, a, b],
}



print(f"load {' '.join(open('/proc/loadavg').read().split()[:3])}")
samples = {name: [] for name in commands}
for _ in range(repeats):
    for name, argv in commands.items():
        samples[name].append(measure(argv)[:2])
medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
           for name, runs in samples.items()}
together_wall, together_cpu = medians["read A and B in one process"]
apart_wall = medians["read A"][0] + medians["read B"][0]
print(f"{'command':28} {'wall s':>7} {'CPU s':>7}  wall / read in one process, one after the other; CPU / read")
for name, (wall, cpu) in medians.items():
    print(f"{name:28} {wall:7.3f} {cpu:7.3f}  {wall / together_wall:.2f}x {wall / apart_wall:.2f}x; {cpu / together_cpu:.2f}x")
print(f"load {' '.join(open('/proc/loadavg').read().split()[:3])}")
os.remove(out) if os.path.exists(out) else None
os.rmdir(os.path.dirname(out))
