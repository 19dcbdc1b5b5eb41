import queue
import threading

q = queue.Queue()
results = queue.Queue()

def producer(n):
    for i in range(n):
        q.put(i)

def consumer():
    total = 0
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        total += item * item
        q.task_done()
    results.put(total)

consumers = []
for i in range(3):
    t = threading.Thread(target=consumer)
    t.start()
    consumers.append(t)
producers = []
for i in range(2):
    t = threading.Thread(target=producer, args=(200,))
    t.start()
    producers.append(t)
for t in producers:
    t.join()
for i in range(3):
    q.put(None)
q.join()
for t in consumers:
    t.join()
grand = 0
while not results.empty():
    grand += results.get()
print(grand, q.qsize(), q.empty())

# A bounded queue: the main thread's third put blocks until the slow taker makes room.
bounded = queue.Queue(2)
bounded.put("a")
bounded.put("b")
print(bounded.full(), bounded.qsize())
taken = []
pause = threading.Event()

def slow_taker():
    for i in range(3):
        pause.wait(0.02)
        taken.append(bounded.get())

taker = threading.Thread(target=slow_taker)
taker.start()
bounded.put("c")
taker.join()
print(taken, bounded.qsize(), bounded.empty())
bounded.put_nowait("d")
print(bounded.get_nowait(), bounded.get(True, 0.5) if bounded.qsize() > 0 else "empty")
