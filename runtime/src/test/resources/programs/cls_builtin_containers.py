# Subclasses of the built-in containers: methods, attributes, overridden special methods
# (__getitem__, __setitem__, __missing__, __repr__, __iter__, __len__, __contains__) and super().
class L(list):
    def total(self):
        return sum(self)

l = L([3, 1, 2])
l.append(5)
l.tag = "x"
print(l, len(l), l.total(), 4 in l, 3 in l, l[0], l[-1], l[1:3], type(l).__name__, l.tag)
print(isinstance(l, list), isinstance(l, L), type(l) is L, sorted(l), list(l), [x * 2 for x in l])
l.sort()
print(l, l == [1, 2, 3, 5], type(l[:]) is list, l.__dict__)

class Stack(list):
    def push(self, x):
        self.append(x)
    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"
s = Stack()
s.push(1); s.push(2)
print(s, repr(s), str(s), [s], f"{s}")

class D(dict):
    def __missing__(self, key):
        return key.upper()
d = D(a=1)
print(d["a"], d["zz"], "zz" in d, len(d), d)

class Counter(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) if k in self else 0
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
c = Counter()
c["x"] = 1
c["x"] += 1
print(c["x"], c["y"], c, dict(c), c.get("x"))

class Loud(dict):
    def __repr__(self):
        return "Loud" + dict.__repr__(self)
print(Loud({1: 2}), str(Loud()))

class Dflt(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, k):
        v = self[k] = self.factory()
        return v
dd = Dflt(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"].append(3)
print(dd, dd.factory is list)
class IL(list):
    def __iter__(self):
        return iter([0, 0])
    def __len__(self):
        return 7
    def __contains__(self, x):
        return x == "magic"
il = IL([1, 2, 3])
print(list(il), len(il), "magic" in il, 1 in il, bool(IL()))
