# thread_local.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread reads an attribute of one threading.local() object, held in a local variable (as the original does: the loop then measures the attribute read, not a load of a shared global).
#
# Usage: thread_local.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import threading

import ftdriver

RESULTS = []
LOCAL = threading.local()


def worker(count):
    local = LOCAL
    local.value = 1
    n = 0
    i = 0
    while i < count:
        n = n + local.value
        i = i + 1
    RESULTS.append(n)


ftdriver.run("thread_local", worker, RESULTS)
