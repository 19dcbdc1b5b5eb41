# create_dict.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread builds a one-entry dict literal on every turn.
#
# Usage: create_dict.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


def worker(count):
    n = 0
    for i in range(count):
        d = {"colour": "blue"}
        n += len(d)
    RESULTS.append(n)


ftdriver.run("create_dict", worker, RESULTS)
