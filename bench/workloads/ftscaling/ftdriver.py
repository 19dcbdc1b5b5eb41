# ftdriver.py: what every ftscaling pattern shares (not a pattern itself): reads
# "THREADS ITERATIONS" from the command line, gives each of THREADS threads its share of the
# ITERATIONS loop turns (the first ITERATIONS % THREADS threads one more), runs worker(count)
# in each, and prints the pattern's name with the sum of what the workers appended to results.
import sys
import threading


def run(name, worker, results):
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
    print(name + ":", sum(results))
