# A queue.Queue in a reference cycle (an item that refers back to its queue) is freed by the
# cycle collector: the items are traversed and cleared. Waiting puts and gets still work.
import gc
import queue
import threading


class Node:
    def __init__(self, name):
        self.name = name
        self.q = None

    def __del__(self):
        print("freed", self.name)


gc.collect()
q = queue.Queue()
n = Node("item of its own queue")
n.q = q
q.put(n)
q.put([q, 1, 2])
del n, q
print("before collect")
print("found some", gc.collect() > 0)
print("after collect")

# a bounded queue: puts and gets that wait, from two threads
box = queue.Queue(maxsize=2)
out = []


def consume():
    for _ in range(50):
        out.append(box.get())
        box.task_done()


t = threading.Thread(target=consume)
t.start()
for i in range(50):
    box.put(i)
box.join()
t.join()
print(out == list(range(50)), box.qsize())
try:
    box.get(timeout=0.01)
except queue.Empty:
    print("empty")
box.put(1)
box.put(2)
try:
    box.put(3, timeout=0.01)
except queue.Full:
    print("full")
print(box.get_nowait(), box.get_nowait())
