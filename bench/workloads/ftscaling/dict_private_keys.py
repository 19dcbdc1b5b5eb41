# dict_private_keys.py: a port of a pattern of CPython's Tools/ftscalingbench: threads update one shared dict, each under keys of its own.
#
# Usage: dict_private_keys.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import threading

import ftdriver

RESULTS = []
SHARED = {}


def worker(count):
    key = threading.get_ident()
    SHARED[key] = 0
    i = 0
    while i < count:
        SHARED[key] = SHARED[key] + 1
        i = i + 1
    RESULTS.append(SHARED[key])


ftdriver.run("dict_private_keys", worker, RESULTS)
