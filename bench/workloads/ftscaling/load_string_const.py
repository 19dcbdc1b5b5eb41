# load_string_const.py: a port of a pattern of CPython's Tools/ftscalingbench: every thread compares its loop counter with a string constant of the code.
#
# Usage: load_string_const.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


def worker(count):
    n = 0
    for i in range(count):
        if i == 'not a number':
            n += 7
        else:
            n += 1
    RESULTS.append(n)


ftdriver.run("load_string_const", worker, RESULTS)
