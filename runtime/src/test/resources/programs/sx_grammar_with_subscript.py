class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, *a):
        print("exit", self.name)
        return False

with (CM("a") as x, CM("b") as y):
    print("body", x, y)
with (CM("c"), CM("d")):
    print("two managers")
with (CM("e") as p,
      CM("f"),):
    print("trailing comma", p)
with (CM("g")) as q:
    print("grouped", q)
with CM("h") as (r):
    print(r)

class Box:
    def __getitem__(self, k):
        return k
    def __setitem__(self, k, v):
        print("set", k, v)
b = Box()
rest = (2, 3)
print(b[*rest], b[1, *rest], b[*rest, 4:5], b[*[]])
b[*rest] = 9
print(b[1], b[1,], b[:, 1])

def g():
    global gv
    gv = 1
    def inner():
        nonlocal_target = 1
        def innermost():
            nonlocal nonlocal_target
            nonlocal_target += 1
            return nonlocal_target
        return innermost()
    return inner()
print(g(), gv)
class K:
    global kv
    kv = 5
    def m(self):
        global kv
        return kv
print(K().m(), kv)
