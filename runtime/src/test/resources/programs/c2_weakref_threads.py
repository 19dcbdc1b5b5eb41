# Weak references under threads: threads make objects, weak references to them with
# callbacks, and drop them, while reading weak references to objects other threads drop
# (cycles are in c2_weakref_basic.py).
# Each callback runs exactly once, after its reference reads None; a reference never yields
# a dead object.
import gc
import threading
import _weakref

lock = threading.Lock()
called = []
board = [None] * 8
kept = {}


class Obj:
    pass


class Callback:  # an instance, not a function (see the report: a nogil exit issue with functions)
    def __call__(self, w):
        with lock:
            called.append(w() is None)


cb = Callback()


def worker(t):
    mine = []
    for i in range(150):
        o = Obj()
        o.tag = (t, i)
        r = _weakref.ref(o, cb)
        mine.append(r)
        board[i % 8] = r
        other = board[(i + 3) % 8]
        if other is not None:
            x = other()
            if x is not None and not isinstance(x.tag, tuple):
                print("bad referent")
        del o
    board[:] = [None] * 8  # this thread drops what it shared (see the report: nogil exit issue)
    kept[t] = mine  # alive until the callbacks have run, in every preset (buffered counts free lazily)


threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
gc.collect()
gc.collect()
print(len(called), all(called), all(r() is None for m in kept.values() for r in m))
kept.clear()
