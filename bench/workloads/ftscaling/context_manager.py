# context_manager.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread enters and leaves a with-block of a small class of the program's (a class every thread shares).
#
# Usage: context_manager.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        return False


def worker(count):
    n = 0
    for i in range(count):
        with Quiet():
            n += 1
    RESULTS.append(n)


ftdriver.run("context_manager", worker, RESULTS)
