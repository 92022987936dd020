"""Times one command for the benchmark scripts (compare.py, compare_stats.py, fuse.py,
fuse_ab.py), which import it from beside them."""
import os
import subprocess
import sys
import time


def measure(argv, stdin_file=None):
    """Wall seconds, CPU seconds (user + system) and peak RSS in MiB of one run; exits the
    script when the command fails. With `stdin_file` the command reads a pipe that `cat`
    fills, as `cat run | reval eval qrels -` would."""
    feeder = subprocess.Popen(["cat", stdin_file], stdout=subprocess.PIPE) if stdin_file else None
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdin=feeder.stdout if feeder else None,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if feeder:
        feeder.stdout.close()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if feeder:
        feeder.wait()
    if status != 0:
        script = os.path.splitext(os.path.basename(sys.argv[0]))[0]
        sys.exit(f"{script}: {' '.join(argv)} failed with status {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
