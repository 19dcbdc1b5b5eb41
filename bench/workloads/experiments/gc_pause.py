# gc_pause.py: the cycle collector's pauses against the live heap and the thread count.
#
# Usage: gc_pause.py THREADS LIVE CYCLES
# Builds LIVE live containers (half lists, half instances: [i, Node(i)] pairs) with the
# collector disabled, so no collection runs while the heap grows; then enables it and lets
# THREADS threads make CYCLES reference cycles between them (three containers each), so the
# allocation threshold triggers collections while the LIVE objects are in the heap. The
# pauses are the runtime's (--stats-json / the timing file: gc_pause_p50_ns, _p99_ns, _max_ns;
# gc_collections, gc_examined). Prints one deterministic line: the heap and cycle sizes check.
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
        a = Node(k)
        b = Node(k)
        a.peer = b
        b.peer = a
        box = [a, b]
        box.append(box)
        total += 1
    out[i] = total


def main():
    nthreads = int(sys.argv[1])
    live = int(sys.argv[2])
    cycles = int(sys.argv[3])
    gc.disable()
    heap = [[i, Node(i)] for i in range(live // 2)]
    gc.enable()
    out = [0] * nthreads
    threads = [threading.Thread(target=churn, args=(cycles // nthreads, out, i)) for i in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("heap", len(heap) * 2, "cycles", sum(out), "kept", heap[-1][1].n == len(heap) - 1)


main()
