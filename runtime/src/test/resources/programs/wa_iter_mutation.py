# Changing a dict's or set's size while iterating it raises RuntimeError, from this thread or
# another; storing values meanwhile is allowed and seen.
import threading

def attempt(label, body):
    try:
        body()
        print(label, "no error")
    except RuntimeError as err:
        print(label, type(err).__name__, err)

def delete_all():
    d = {1: 1, 2: 2, 3: 3}
    for k in d:
        del d[k]

def insert_keys():
    d = {"a": 1}
    for k in d:
        d[k + "x"] = 0

def pop_values():
    d = {1: 1, 2: 2}
    for v in d.values():
        d.pop(2)

def clear_items():
    d = {1: 1, 2: 2}
    for k, v in d.items():
        d.clear()

def set_add():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 10)

def set_discard():
    s = {1, 2, 3}
    for x in s:
        s.discard(x)

def set_update_in_place():
    s = {1, 2}
    for x in s:
        s |= {5, 6}

def keys_changed():
    d = {1: 1, 2: 2}
    for k in d:
        del d[k]
        d[k + 100] = 1

for label, body in [("del", delete_all), ("insert", insert_keys), ("values", pop_values),
                    ("items", clear_items), ("set.add", set_add), ("set.discard", set_discard),
                    ("set |=", set_update_in_place), ("keys", keys_changed)]:
    attempt(label, body)

# The error stays: a second next() raises again.
d = {1: 1, 2: 2}
it = iter(d)
next(it)
d[3] = 3
for _ in range(2):
    try:
        next(it)
    except RuntimeError as err:
        print("again", err)

# Same size: no error, and values stored meanwhile are seen.
d = {"a": 1, "b": 2, "c": 3}
seen = []
for k, v in d.items():
    d["c"] = 30
    d[k] = v + 100
    seen.append((k, v))
print(seen, d)
s = {1, 2, 3}
for x in s:
    s.discard(x)
    s.add(x)
print(sorted(s))
d = {1: 1}
for k in d:
    d.pop(k)
    break
print(d, list(iter({})), list({5: 6}.items()))

# Another thread changes the size between two steps of this thread's iteration.
def across_threads(container, change):
    started = threading.Event()
    changed = threading.Event()
    def mutator():
        started.wait()
        change(container)
        changed.set()
    t = threading.Thread(target=mutator)
    t.start()
    try:
        for i, _ in enumerate(container):
            if i == 0:
                started.set()
                changed.wait()
        print("thread: no error")
    except RuntimeError as err:
        print("thread:", err)
    t.join()

across_threads({i: i for i in range(100)}, lambda d: d.update({-1: 0}))
across_threads({i: i for i in range(100)}, lambda d: d.pop(50))
across_threads(set(range(100)), lambda s: s.add(-1))
across_threads(set(range(100)), lambda s: s.clear())
across_threads({i: i for i in range(100)}.keys(), lambda v: None)
