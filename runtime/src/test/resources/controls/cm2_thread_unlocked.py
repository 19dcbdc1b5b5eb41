# The negative control of programs/cm2_thread.py: its counter, bumped by _thread threads
# without the lock. With no GIL, `counter[0] += 1` is a read, an add and a write; threads lose
# each other's updates. Each worker hands over a _set_sentinel() lock first, which the runtime
# releases however the thread ends, so the main thread never waits for a thread that died.
import _thread

counter = [0]
sentinels = []
ready = _thread.allocate_lock()


def work():
    sentinels.append(_thread._set_sentinel())
    ready.release()
    for _ in range(20000):
        counter[0] += 1


for i in range(4):
    ready.acquire()
    _thread.start_new_thread(work, ())
ready.acquire()
for s in sentinels:
    s.acquire()
print(counter[0])
