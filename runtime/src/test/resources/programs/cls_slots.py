# __slots__: member descriptors, no __dict__, AttributeError for other names, subclasses with and
# without slots, a string as __slots__, the conflict with a class variable, tuple subclass with ().
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, type(P.x).__name__, repr(P.x)[:20])
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
del p.x
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
print(p.y, hasattr(p, "x"))
class Q(P):
    pass
q = Q(1)
q.z = 9
print(q.z, vars(Q) is not None)
class R(P):
    __slots__ = ["w"]
r = R(2)
r.w = 3
print(r.x, r.w)
try:
    r.v = 1
except AttributeError as e:
    print("AttributeError:", e)
class S:
    __slots__ = "only"
s = S()
s.only = 1
print(s.only)
try:
    class Bad:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("ValueError:", e)
class Pt(tuple):
    __slots__ = ()
pt = Pt((1, 2))
try:
    pt.a = 1
except AttributeError as e:
    print("AttributeError:", e)
print(pt, P.__slots__)
