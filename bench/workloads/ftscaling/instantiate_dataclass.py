# instantiate_dataclass.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread makes instances of one dataclass, by keyword.
#
# Usage: instantiate_dataclass.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver
from dataclasses import dataclass

RESULTS = []


@dataclass
class Triple:
    a: int
    b: int
    c: int


def worker(count):
    n = 0
    for i in range(count):
        t = Triple(a=1, b=2, c=3)
        n += t.b - 1
    RESULTS.append(n)


ftdriver.run("instantiate_dataclass", worker, RESULTS)
