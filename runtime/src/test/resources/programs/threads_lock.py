import threading

counter = 0
lock = threading.Lock()

def worker(n):
    global counter
    for i in range(n):
        lock.acquire()
        counter += 1
        lock.release()

threads = []
for i in range(4):
    threads.append(threading.Thread(target=worker, args=(5000,)))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
print(lock.acquire(), lock.acquire(False), lock.locked())
lock.release()
print(lock.locked())
