# instantiate_namedtuple.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread makes instances of one collections.namedtuple class, by keyword.
#
# Usage: instantiate_namedtuple.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver
from collections import namedtuple

RESULTS = []

Triple = namedtuple("Triple", ["a", "b", "c"])


def worker(count):
    n = 0
    for i in range(count):
        t = Triple(a=1, b=2, c=3)
        n += t[1] - 1
    RESULTS.append(n)


ftdriver.run("instantiate_namedtuple", worker, RESULTS)
