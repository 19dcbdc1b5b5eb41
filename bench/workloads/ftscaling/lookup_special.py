# lookup_special.py: a port of a pattern of CPython's Tools/ftscalingbench: every thread calls round() on floats (round looks up __round__ on the argument's type).
#
# Usage: lookup_special.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


def worker(count):
    n = 0
    for i in range(count):
        n += round(i / count)
    RESULTS.append(n)


ftdriver.run("lookup_special", worker, RESULTS)
