# Subclasses of the immutable built-ins (tuple, str, int, float, frozenset) made through __new__,
# overridden operators, and object.__new__.
class P(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return "P(%r, %r)" % self
p = P(1, 2)
print(p, p.x, p[1], len(p), p + (3,), type(p).__name__, isinstance(p, tuple), hash(p) == hash((1, 2)), {p: 1}[(1, 2)])
a, b = p
print(a, b, tuple(p), type(tuple(p)).__name__, p == (1, 2))

class T2(tuple):
    pass
t = T2([1, 2, 3])
print(t, t.count(2), t.index(3), type(t).__name__)
nt = tuple.__new__(T2, "ab")
print(nt, type(nt).__name__)

class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, n.shout(), len(n), n + "x", n == "bob", {n: 1}["bob"], repr(n), type(str(n)).__name__, n.startswith("b"))

class Money(int):
    def __str__(self):
        return "$" + int.__repr__(self)
m = Money(5)
print(m, m + 1, type(m + 1).__name__, m * 2, m == 5, {5: "five"}[m], repr(m), int(m), type(int(m)).__name__, m.real)

class Pos(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
print(Pos(3), Pos(3) + Pos(4))
try:
    Pos(-1)
except ValueError as e:
    print("ValueError", e)

class F(float):
    def half(self):
        return self / 2
f = F(3.0)
print(f, f.half(), f + 1, type(f + 1).__name__, f == 3, repr(f))

class S(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)
s2 = S([1, 2])
s2.add_all(3, 4)
print(sorted(s2), len(s2), 3 in s2, type(s2).__name__, s2 == {1, 2, 3, 4})
class FS(frozenset):
    pass
fs = FS([1, 2])
print(sorted(fs), 1 in fs, type(fs).__name__, hash(fs) == hash(frozenset([1, 2])))

class V(int):
    def __add__(self, other):
        return "added"
    def __eq__(self, other):
        return True
    def __hash__(self):
        return 1
v = V(1)
print(v + 1, v == 99, hash(v), {v: "v"}[V(2)], 1 + v)

class Obj(object):
    def __new__(cls, *args):
        inst = object.__new__(cls)
        inst.made = args
        return inst
    def __init__(self, *args):
        self.inited = True
o = Obj(1, 2)
print(o.made, o.inited)

class NotMine:
    def __new__(cls):
        return 42
print(NotMine())

