import threading
import time

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

results = [0, 0, 0]

def work(slot, n):
    time.sleep(0.01)
    results[slot] = fib(n)

ts = []
for i in range(3):
    ts.append(threading.Thread(target=work, args=(i, 15 + i)))
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results)
start = time.perf_counter()
time.sleep(0.02)
print(time.perf_counter() - start >= 0.02, time.time() > 1e9)
