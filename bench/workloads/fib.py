# fib.py: CPU-bound work with shared functions and small ints (the Gilectomy's showcase).
#
# Usage: fib.py THREADS
#   The program reads its thread count from sys.argv[1] (default 1). The total work is fixed:
#   TASKS calls of fib(N), split as evenly as possible over the threads, so
#   wall(1 thread) / wall(N threads) is a speedup (ideal: N; under a GIL: about 1).
#
# Every thread calls the same function object and touches the same small ints, which is what
# makes atomic reference counting expensive (cache-line ping-pong on shared headers).
# Prints one deterministic line, identical for every thread count and under python3.
# Size: about 1-3 s on one thread under CPython 3.11.
import sys
import threading

TASKS = 12
N = 30


def fib(n):
    if n < 2:
        return n
    else:
        return fib(n - 1) + fib(n - 2)


def worker(count, results):
    i = 0
    while i < count:
        results.append(fib(N))
        i = i + 1


def main():
    nthreads = 1
    if 1 < len(sys.argv):
        nthreads = int(sys.argv[1])
    results = []
    threads = []
    for t in range(nthreads):
        # thread t runs TASKS // nthreads tasks, one more for the first TASKS % nthreads threads
        count = TASKS // nthreads
        if t < TASKS % nthreads:
            count = count + 1
        th = threading.Thread(target=worker, args=(count, results))
        threads.append(th)
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    total = 0
    for r in results:
        total = total + r
    print("fib: tasks", len(results), "n", N, "sum", total)


main()
