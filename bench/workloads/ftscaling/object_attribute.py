# object_attribute.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread reads and writes an attribute of its own object (needs classes).
#
# Usage: object_attribute.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


class Point:
    def __init__(self):
        self.x = 0


def worker(count):
    p = Point()
    i = 0
    while i < count:
        p.x = p.x + 1
        i = i + 1
    RESULTS.append(p.x)


ftdriver.run("object_attribute", worker, RESULTS)
