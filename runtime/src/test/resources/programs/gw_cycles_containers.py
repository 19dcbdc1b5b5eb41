# Reference cycles through the containers beyond the core ones: deque, defaultdict (through
# its items and through its default_factory), threading.local, functools.partial, slices,
# dict views and iterators, tuple/map/enumerate iterators. Each is freed by gc.collect().
# (queue.Queue is not traversed: its put and get change it while detached; docs/scaling-limiters.md.)
import gc
import threading
from _collections import deque, defaultdict
from _functools import partial

gc.collect()

def deque_cycle():
    q = deque([1])
    q.append(q)

def defaultdict_item_cycle():
    d = defaultdict(list)
    d["me"] = d
    d["new"].append(d)

def defaultdict_factory_cycle():
    d = defaultdict(None)
    d.default_factory = partial(len, d)

def local_cycle():
    l = threading.local()
    l.me = l

def partial_cycle():
    box = []
    box.append(partial(print, box))

def slice_cycle():
    box = []
    box.append(slice(box, None))

def dict_view_cycle():
    d = {}
    d["keys"] = d.keys()
    d["items"] = d.items()

def dict_iterator_cycle():
    d = {}
    d["it"] = iter(d)

class Holder:
    pass

def set_iterator_cycle():
    h = Holder()
    h.it = iter({h, 1})

def tuple_iterator_cycle():
    box = []
    box.append(iter((box, 2)))

def map_cycle():
    box = []
    box.append(map(len, [box]))
    box.append(filter(None, [box]))
    box.append(zip([box], [1]))

def enumerate_cycle():
    box = []
    box.append(enumerate([box]))

def deque_iterator_cycle():
    q = deque()
    q.append(iter(q))

cases = [deque_cycle, defaultdict_item_cycle, defaultdict_factory_cycle, local_cycle,
         partial_cycle, slice_cycle, dict_view_cycle, dict_iterator_cycle,
         set_iterator_cycle, tuple_iterator_cycle, map_cycle, enumerate_cycle,
         deque_iterator_cycle]
for case in cases:
    case()
    found = gc.collect()
    print(case.__name__, found >= 1, gc.collect())

for case in cases:
    case()
print("all at once", gc.collect() >= len(cases))

# A container still referenced keeps what it reaches, cycle or not.
keep = deque([1])
keep.append(keep)
d = defaultdict(list)
d["x"].append(d)
print("referenced kept", gc.collect(), keep[1] is keep, d["x"][0] is d)
del keep, d
print("then freed", gc.collect() >= 2, gc.collect())
