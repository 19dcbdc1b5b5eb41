# method_call.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread calls a method of its own object (needs classes).
#
# Usage: method_call.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line.
import sys
import threading

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
    print("method_call:", sum(RESULTS))


main()
