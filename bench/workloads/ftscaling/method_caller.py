# method_caller.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread calls a method of its own object through operator.methodcaller (a class with __slots__).
#
# Usage: method_caller.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import operator

import ftdriver

RESULTS = []


class Slotted:
    __slots__ = ()

    def ping(self):
        return 1


def worker(count):
    call = operator.methodcaller("ping")
    obj = Slotted()
    n = 0
    for i in range(count):
        n += call(obj)
    RESULTS.append(n)


ftdriver.run("method_caller", worker, RESULTS)
