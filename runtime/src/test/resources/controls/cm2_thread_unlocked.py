# The negative control of programs/cm2_thread.py: its counter, bumped by _thread threads
# without the lock. With no GIL, `counter[0] += n` is a read, an add and a write; threads lose
# each other's updates.
import _thread

counter = [0]
dones = []


def work(done):
    for _ in range(20000):
        counter[0] += 1
    done.release()


for i in range(4):
    done = _thread.allocate_lock()
    done.acquire()
    dones.append(done)
    _thread.start_new_thread(work, (done,))
for done in dones:
    done.acquire()
print(counter[0])
