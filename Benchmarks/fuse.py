"""Times `reval fuse` against reading the same two runs, alternating the commands, and
prints medians and the ratio the fusion issue's target is stated in. Run through fuse.sh."""
import os
import statistics
import sys
import tempfile

from timing import measure

data, reval, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
a, b = f"{data}/fusion-a/run.txt", f"{data}/fusion-b/run.txt"
qrels = f"{data}/fusion-a/qrels.txt"
out = os.path.join(tempfile.mkdtemp(dir=data), "fused.txt")

# Reading: reval has no read-only command; `eval -m num_ret` reads the run and only counts
# (it also reads the qrels and ranks each topic, so it is a little more than reading).
commands = {
    "read A (eval -m num_ret)": [reval, "eval", "-m", "num_ret", qrels, a],
    "read B (eval -m num_ret)": [reval, "eval", "-m", "num_ret", qrels, b],
    "read A and B in one process": [reval, "eval", "-m", "num_ret", qrels, a, b],
    "fuse rrf": [reval, "fuse", "--method", "rrf", "--output", out, a, b],
    "fuse cc (minmax)": [reval, "fuse", "--method", "cc", "--output", out, a, b],
    "fuse combmnz (zscore)": [reval, "fuse", "--method", "combmnz", "--norm", "zscore", "--output", out, a, b],
    "fuse cc, 1 thread": [reval, "fuse", "--method", "cc", "--threads", "1", "--output", out, a, b],
    "fuse rrf, replacing its last output": [reval, "fuse", "--method", "rrf", "--output", out, a, b],
}
# Each fuse but the last writes a new file: the one before is removed first, untimed.
# Replacing a 350 MB file costs the file system: the old file's blocks are freed inside the
# final rename (65-80 ms on this machine's ext4, measured with strace), and its cached pages
# are not free for the new file's. That is not the fusion's work, so the ratios are stated
# both ways; the last command replaces the file the one before wrote.
replacing = "fuse rrf, replacing its last output"

samples = {name: [] for name in commands}
for _ in range(repeats):
    for name, argv in commands.items():
        if name.startswith("fuse") and name != replacing and os.path.exists(out):
            os.remove(out)
        samples[name].append(measure(argv))

medians = {name: tuple(statistics.median(s[k] for s in runs) for k in range(3)) for name, runs in samples.items()}
print(f"{'command':34} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9}")
for name, (wall, cpu, rss) in medians.items():
    print(f"{name:34} {wall:8.3f} {cpu:8.3f} {rss:9.1f}")

both = medians["read A (eval -m num_ret)"][0] + medians["read B (eval -m num_ret)"][0]
together = medians["read A and B in one process"][0]
print(f"\nreading both, one after the other: {both:.3f} s; in one process: {together:.3f} s")
for name in ["fuse rrf", "fuse cc (minmax)", "fuse combmnz (zscore)", replacing]:
    wall = medians[name][0]
    print(f"{name}: {wall / both:.2f}x reading both one after the other, {wall / together:.2f}x in one process "
          f"(target: at most 1.20x)")
os.remove(out) if os.path.exists(out) else None
os.rmdir(os.path.dirname(out))
