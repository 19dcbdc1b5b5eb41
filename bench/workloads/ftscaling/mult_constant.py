# mult_constant.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread multiplies a float by a float constant of the code (the constant is shared).
#
# Usage: mult_constant.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line (ftdriver.py runs the threads).
import ftdriver

RESULTS = []


def worker(count):
    x = 1.0
    for i in range(count):
        x *= 1.0000001
    RESULTS.append(1 if x > 1.0 else 0)


ftdriver.run("mult_constant", worker, RESULTS)
