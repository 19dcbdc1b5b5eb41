# create_pyobject.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread makes and drops instances of one class of the program's.
#
# Usage: create_pyobject.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


class Empty:
    pass


def worker(count):
    n = 0
    for i in range(count):
        o = Empty()
        n += 1
    RESULTS.append(n)


ftdriver.run("create_pyobject", worker, RESULTS)
