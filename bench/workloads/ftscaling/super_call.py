# super_call.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread calls a method that calls its base class's version through super().
#
# Usage: super_call.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


class Base:
    def value(self):
        return 1


class Child(Base):
    def value(self):
        return super().value()


def worker(count):
    obj = Child()
    n = 0
    for i in range(count):
        n += obj.value()
    RESULTS.append(n)


ftdriver.run("super_call", worker, RESULTS)
