# module_function.py: a port of a pattern of CPython's Tools/ftscalingbench: every thread calls a function found as an attribute of the program's own module object.
#
# Usage: module_function.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import sys

import ftdriver

RESULTS = []


def twice(x):
    return x + x


this_module = sys.modules[__name__]


def worker(count):
    total = 0
    for i in range(count):
        total += this_module.twice(1)
    RESULTS.append(total // 2)


ftdriver.run("module_function", worker, RESULTS)
