# cmodule_function.py: a port of a pattern of CPython's Tools/ftscalingbench: every thread calls a function of a built-in module (math.cos) through the module object.
#
# Usage: cmodule_function.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import math

import ftdriver

RESULTS = []


def worker(count):
    n = 0
    for i in range(count):
        if math.cos(i / count) > 0.5:
            n += 1
    RESULTS.append(n)


ftdriver.run("cmodule_function", worker, RESULTS)
