import threading
import time

print(threading.current_thread().name)
names = []

def who():
    names.append(threading.current_thread().name)

t = threading.Thread(target=who, name="worker-1")
t.start()
t.join()
print(names)

rl = threading.RLock()
print(rl.acquire(), rl.acquire(), rl.acquire(blocking=False))
rl.release()
rl.release()
rl.release()
counter = 0

def bump(n):
    global counter
    for i in range(n):
        rl.acquire()
        rl.acquire()
        counter += 1
        rl.release()
        rl.release()

ts = []
for i in range(4):
    ts.append(threading.Thread(target=bump, args=(2000,)))
for x in ts:
    x.start()
for x in ts:
    x.join()
print(counter)

held = threading.RLock()
held.acquire()
got = []

def try_other():
    got.append(held.acquire(timeout=0.05))
    got.append(held.acquire(blocking=False))

o = threading.Thread(target=try_other)
o.start()
o.join()
held.release()
print(got)

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
order = []

def waiter():
    ok = ev.wait(5)
    order.append(("woken", ok))

w = threading.Thread(target=waiter)
w.start()
time.sleep(0.05)
order.append("setting")
ev.set()
w.join()
print(order, ev.is_set(), ev.wait())
ev.clear()
print(ev.is_set(), threading.get_ident() > 0)
