# private_list_append.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread appends to its own list.
#
# Usage: private_list_append.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


def worker(count):
    mine = []
    i = 0
    while i < count:
        mine.append(i)
        if len(mine) == 1000:
            mine = []
        i = i + 1
    RESULTS.append(count)


ftdriver.run("private_list_append", worker, RESULTS)
