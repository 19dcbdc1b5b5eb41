import queue
q = queue.Queue()
q.put(1)
print(q.get(block=False))
q.get(timeout=0.05)
