# method_call.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread calls a method of its own object (needs classes).
#
# Usage: method_call.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n = self.n + k
        return self.n


def worker(count):
    c = Counter()
    i = 0
    while i < count:
        c.bump(1)
        i = i + 1
    RESULTS.append(c.n)


ftdriver.run("method_call", worker, RESULTS)
