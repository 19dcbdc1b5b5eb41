# Reference cycles of every kind of container are found and freed by gc.collect().
import gc

gc.collect()

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

def list_cycle():
    l = [1, 2]
    l.append(l)

def dict_cycle():
    d = {"k": 1}
    d["self"] = d

def instance_cycle():
    a = Node("a")
    b = Node("b")
    a.other = b
    b.other = a

def closure_cycle():
    def f(n):
        return n if n < 2 else f(n - 1) + f(n - 2)
    return f(10)

def generator_cycle():
    def gen():
        me = yield 1
        yield me
    g = gen()
    next(g)
    g.send(g)

def exception_cycle():
    try:
        raise ValueError("boom")
    except ValueError as e:
        e.keep = e

def context_cycle():
    try:
        raise KeyError("first")
    except KeyError as first:
        try:
            raise ValueError("second")
        except ValueError as second:
            first.later = second  # second.__context__ is first

def method_cycle():
    n = Node("m")
    n.bound = n.__init__

def set_cycle():
    n = Node("s")
    n.members = {n}

def tuple_cycle():
    l = []
    t = (l, 1)
    l.append(t)

cases = [list_cycle, dict_cycle, instance_cycle, closure_cycle, generator_cycle,
         exception_cycle, context_cycle, method_cycle, set_cycle, tuple_cycle]
for case in cases:
    r = case()
    found = gc.collect()
    print(case.__name__, r, found >= 1, gc.collect())

for case in cases:
    case()
print("all at once", gc.collect() >= len(cases))
print("nothing left", gc.collect())

keep = [1]
keep.append(keep)
print("referenced cycle kept", gc.collect(), keep[1] is keep)
