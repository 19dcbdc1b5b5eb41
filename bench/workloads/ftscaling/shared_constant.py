# shared_constant.py: a port of a pattern of CPython's Tools/ftscalingbench: every thread reads the same module-level constant (a shared object whose count every load touches).
#
# Usage: shared_constant.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

CONSTANT = (1, 2, 3)
RESULTS = []


def worker(count):
    n = 0
    i = 0
    while i < count:
        c = CONSTANT
        n = n + len(c)
        i = i + 1
    RESULTS.append(n)


ftdriver.run("shared_constant", worker, RESULTS)
