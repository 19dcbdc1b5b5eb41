# shared_constant.py: a port of a pattern of CPython's Tools/ftscalingbench: every thread reads the same module-level constant (a shared object whose count every load touches).
#
# Usage: shared_constant.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line.
import sys
import threading

CONSTANT = (1, 2, 3)
RESULTS = []


def worker(count):
    n = 0
    i = 0
    while i < count:
        c = CONSTANT
        n = n + len(c)
        i = i + 1
    RESULTS.append(n)


def main():
    nthreads = int(sys.argv[1])
    total = int(sys.argv[2])
    threads = []
    for t in range(nthreads):
        count = total // nthreads
        if t < total % nthreads:
            count = count + 1
        threads.append(threading.Thread(target=worker, args=(count,)))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print("shared_constant:", sum(RESULTS))


main()
