# fib.py: the Gilectomy's showcase with a size: TASKS calls of fib(N) split over THREADS threads.
#
# Usage: fib.py THREADS TASKS N
# Every thread calls the same function object and touches the same small ints (shared
# reference-count headers). Prints one deterministic line.
import sys
import threading


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def worker(count, n, results):
    i = 0
    while i < count:
        results.append(fib(n))
        i = i + 1


def main():
    nthreads = int(sys.argv[1])
    tasks = int(sys.argv[2])
    n = int(sys.argv[3])
    results = []
    threads = []
    for t in range(nthreads):
        count = tasks // nthreads
        if t < tasks % nthreads:
            count = count + 1
        threads.append(threading.Thread(target=worker, args=(count, n, results)))
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    total = 0
    for r in results:
        total = total + r
    print("fib: tasks", len(results), "n", n, "sum", total)


main()
