import threading

lock = threading.Lock()
counter = 0
per_thread = {}


def worker(ident, n):
    global counter
    mine = 0
    for i in range(n):
        with lock:
            counter += 1
            mine += 1
    with lock:
        per_thread[ident] = mine


threads = []
for i in range(4):
    threads.append(threading.Thread(target=worker, args=(i, 5000)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
for k in sorted(per_thread):
    print(k, per_thread[k])
print(lock.locked())
with lock as got:
    print("inside", got, lock.locked())
print("after", lock.locked())
try:
    with lock:
        raise ValueError("inside lock")
except ValueError as e:
    print("released after error:", not lock.locked(), e)
