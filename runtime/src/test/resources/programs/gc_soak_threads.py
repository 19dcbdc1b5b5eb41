# Eight threads (more than CI's cores) each make a thousand reference cycles; the collector
# keeps the live containers bounded (the allocation threshold triggers collections while they
# run; in the free-threaded builds a thread that finds a collection running while the count is
# past twice the threshold waits for it, or the allocating threads outrun the collecting one).
# By hand, bigger: gc_soak_threads.py THREADS CYCLES_PER_THREAD (docs/running.md).
import gc
import sys
import threading

class Node:
    def __init__(self, n):
        self.n = n
        self.peer = None

def churn(count, out, i):
    total = 0
    for k in range(count):
        if k % 100 == 0:
            seen[i] = max(seen[i], gc.get_count()[0])
        a = Node(k)
        b = Node(k + 1)
        a.peer = b
        b.peer = a
        box = [a, b]
        box.append(box)
        total += a.peer.n
    out[i] = total

nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 8
cycles = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
gc.collect()
out = [0] * nthreads
seen = [0] * nthreads
threads = [threading.Thread(target=churn, args=(cycles, out, i)) for i in range(nthreads)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(set(out)) == 1, out[0] == sum(k + 1 for k in range(cycles)))
gc.collect()
stats = gc.get_stats()
print("collected automatically", sum(s["collections"] for s in stats) > 1)
print("cycles freed", sum(s["collected"] for s in stats) >= nthreads * cycles * 3)
print("live bounded", max(seen) < 10000)
print("nothing left", gc.collect())
