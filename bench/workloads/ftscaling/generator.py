# generator.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread drains its own generator (needs generators).
#
# Usage: generator.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line.
import sys
import threading

RESULTS = []


def numbers(count):
    i = 0
    while i < count:
        yield i
        i = i + 1


def worker(count):
    n = 0
    for v in numbers(count):
        n = n + 1
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
    print("generator:", sum(RESULTS))


main()
