# thread_local.py: a port of a pattern of CPython's Tools/ftscalingbench: each thread reads an attribute of one threading.local() object.
#
# Usage: thread_local.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line.
import sys
import threading

RESULTS = []
LOCAL = threading.local()


def worker(count):
    LOCAL.value = 1
    n = 0
    i = 0
    while i < count:
        n = n + LOCAL.value
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
    print("thread_local:", sum(RESULTS))


main()
