# create_closure.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread defines a nested function on every turn and calls it once.
#
# Usage: create_closure.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


def worker(count):
    n = 0
    for i in range(count):
        def inner(x):
            return x + 1
        n = inner(n)
    RESULTS.append(n)


ftdriver.run("create_closure", worker, RESULTS)
