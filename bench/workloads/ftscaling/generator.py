# generator.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread drains its own generator (needs generators).
#
# Usage: generator.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


def numbers(count):
    i = 0
    while i < count:
        yield i
        i = i + 1


def worker(count):
    n = 0
    for v in numbers(count):
        n = n + 1
    RESULTS.append(n)


ftdriver.run("generator", worker, RESULTS)
