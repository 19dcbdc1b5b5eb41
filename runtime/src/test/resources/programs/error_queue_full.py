import queue
q = queue.Queue(1)
q.put("x")
print(q.full())
q.put("y", timeout=0.05)
