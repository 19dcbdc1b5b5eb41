# shared_function.py: a port of a pattern of CPython's Tools/ftscalingbench: every thread calls the same module-level function.
#
# Usage: shared_function.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


def module_function(x):
    return x + 1


def worker(count):
    n = 0
    i = 0
    while i < count:
        n = module_function(n)
        i = i + 1
    RESULTS.append(n)


ftdriver.run("shared_function", worker, RESULTS)
