# Collections while other threads are blocked (a lock wait, a join) and while one keeps
# running: none of them holds a collection up, and each goes on afterwards.
import gc
import threading

# Only the explicit collections below: an automatic one (the runner's cycles reach the threshold)
# could free this thread's cycle first, and gc.collect() would then find nothing to count.
gc.disable()

lock = threading.Lock()
lock.acquire()
results = []

def waits_for_lock():
    with lock:
        results.append("lock")

def joins(t):
    t.join()
    results.append("join")

def spins(n):
    total = 0
    for i in range(n):
        box = [i]
        box.append(box)
        total += i
    results.append(total)

locked = threading.Thread(target=waits_for_lock)
blocked = [locked, threading.Thread(target=joins, args=(locked,))]
for t in blocked:
    t.start()
runner = threading.Thread(target=spins, args=(3000,))
runner.start()
found = 0
for _ in range(5):
    cycle = {}
    cycle["me"] = cycle
    del cycle
    found += gc.collect()
print("collected while others block", found >= 5)
runner.join()
lock.release()
for t in blocked:
    t.join()
print(sorted(map(str, results)))
gc.enable()
