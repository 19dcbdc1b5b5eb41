# deepcopy.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread deep-copies a small nested structure of its own (copy.deepcopy).
#
# Usage: deepcopy.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import copy

import ftdriver

RESULTS = []


def worker(count):
    data = {'pair': [1, 2], 'mixed': (1, None)}
    n = 0
    for i in range(count):
        c = copy.deepcopy(data)
        n += len(c['pair']) - 1
    RESULTS.append(n)


ftdriver.run("deepcopy", worker, RESULTS)
