# list_methods.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread pops from the front of its own list and appends at its end (methods of a built-in type).
#
# Usage: list_methods.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


def worker(count):
    items = [1] * 100
    total = 0
    for i in range(count):
        items.pop(0)
        items.append(i)
        total += items[50]
    RESULTS.append(total)


ftdriver.run("list_methods", worker, RESULTS)
