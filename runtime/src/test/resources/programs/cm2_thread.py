# _thread: start_new_thread, locks, RLock, _local, _set_sentinel, with several threads at once.
import _thread

print(_thread.LockType, _thread.RLock, _thread._local, _thread.error is RuntimeError)
print(_thread.TIMEOUT_MAX, _thread.stack_size(), _thread.stack_size(0))

counter = [0]
guard = _thread.allocate_lock()
local = _thread._local()
local.who = 'main'
seen = {}
main_ident = _thread.get_ident()


def work(index, done, rounds=1, scale=1):
    local.who = index
    for _ in range(rounds):
        with guard:
            counter[0] += scale
    with guard:
        seen[index] = (local.who, _thread.get_ident() != main_ident)
    done.release()


dones = []
for i in range(4):
    done = _thread.allocate_lock()
    done.acquire()
    dones.append(done)
    _thread.start_new_thread(work, (i, done), {'rounds': 3000, 'scale': i + 1})
for done in dones:
    done.acquire()
print(counter[0], sorted(seen.items()), local.who)

lock = _thread.allocate_lock()
print(lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError:', e)
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock(), lock.locked())
try:
    lock.acquire(False, 1)
except ValueError as e:
    print('ValueError:', e)

r = _thread.RLock()
print(r.acquire(), r.acquire(), type(r).__name__)
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError:', e)

for bad in [(1, ()), (print, [1]), (print, (), [])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print('TypeError:', e)

box = []
ready = _thread.allocate_lock()
ready.acquire()


def sentinel_holder(n):
    box.append(_thread._set_sentinel())
    ready.release()
    box.append(sum(range(n)))


_thread.start_new_thread(sentinel_holder, (100,))
ready.acquire()
box[0].acquire()  # released once the thread has ended
print('thread ended', box[1], box[0].locked())
