# dict_private_keys.py: a port of a pattern of CPython's Tools/ftscalingbench: threads update one shared dict, each under keys of its own.
#
# Usage: dict_private_keys.py THREADS ITERATIONS
# ITERATIONS loop turns in total, split over THREADS threads, so wall(1) / wall(N) is the
# speedup (ideal: N). Prints one deterministic line.
import sys
import threading

RESULTS = []
SHARED = {}


def worker(count):
    key = threading.get_ident()
    SHARED[key] = 0
    i = 0
    while i < count:
        SHARED[key] = SHARED[key] + 1
        i = i + 1
    RESULTS.append(SHARED[key])


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
    print("dict_private_keys:", sum(RESULTS))


main()
