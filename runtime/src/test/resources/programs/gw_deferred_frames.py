# Deferred reference counting (the nogil preset) and the collector: deleted module-level
# functions (deferred: only a collection frees them), alone, in a cycle or holding a cycle,
# are freed by collections and counted as CPython 3.11 counts them (its counts free a function
# the moment its name goes). Then a function whose global is deleted while another thread runs
# it is held only by that thread's frames, uncounted: a collection meanwhile must keep it.
# (First the single-threaded part: nogil-3.13 makes functions immortal once a thread starts.)
import gc
import threading

gc.collect()

def alone():
    pass

del alone
print("alone", gc.collect())

def selfish():
    pass

selfish.me = selfish
del selfish
print("in a cycle", gc.collect() >= 1, gc.collect())

def holder():
    pass

box = []
box.append(box)
holder.box = box
del box, holder
print("holding a cycle", gc.collect(), gc.collect())

started = threading.Event()
go = threading.Event()
out = []

def work(n):
    started.set()
    go.wait()
    return n + len(work_tag)

work.tag = "tagged"
work_tag = "abc"

def runner():
    f = work
    out.append(f(1))
    out.append(f.tag)

t = threading.Thread(target=runner)
t.start()
started.wait()
del work  # now only the runner's frames hold it
print("collected while running", gc.collect())
go.set()
t.join()
print(out)
