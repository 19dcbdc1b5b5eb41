# _weakref: ref (shared when without callback, hash and == of the referent, callbacks after
# clearing, __callback__), a subclass with __slots__ (weakref.KeyedRef), cleared by the cycle
# collector, proxy and ReferenceError, getweakrefcount/getweakrefs.
import gc
import _weakref
class A:
    pass
a = A()
r = _weakref.ref(a)
print(r() is a, _weakref.getweakrefcount(a), r.__callback__)
print(r is _weakref.ref(a), hash(r) == hash(a), r == _weakref.ref(a))
log = []
r2 = _weakref.ref(a, lambda w: log.append(("cb", w is r2, w())))
print(_weakref.getweakrefcount(a), len(_weakref.getweakrefs(a)))
del a
gc.collect()
print(r(), log)
try:
    _weakref.ref(3)
except TypeError as e:
    print(e)
class KeyedRef(_weakref.ref):
    __slots__ = "key",
    def __new__(type, ob, callback, key):
        self = _weakref.ref.__new__(type, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
b = A()
k = KeyedRef(b, None, "kk")
print(k.key, k() is b, type(k).__name__, isinstance(k, _weakref.ref))
b.self = b
del b
gc.collect()
print(k())
c = A()
c.x = 5
p = _weakref.proxy(c)
print(p.x, type(p).__name__)
del c
gc.collect()
try:
    p.x
except ReferenceError as e:
    print("ReferenceError:", e)
def f(): return 1
rf = _weakref.ref(f)
print(rf()(), type(rf).__name__, _weakref.ReferenceType is _weakref.ref)
order = []
class Res:
    def __del__(self):
        order.append("del")
res = Res()
wr = _weakref.ref(res, lambda w: order.append(("cb", w())))
del res
gc.collect()
print(order, wr())
node = A()
node.me = node
wn = _weakref.ref(node, lambda w: order.append("cycle cb"))
del node
gc.collect()
print(order[-1], wn())
dead = _weakref.ref(A())
gc.collect()
try:
    hash(dead)
except TypeError as e:
    print("TypeError:", e)
live = A()
h = _weakref.ref(live)
hv = hash(h)
del live
print(hash(h) == hv, h == h, h != _weakref.ref(A()))
d = {}
k = A()
d["k"] = _weakref.ref(k)
_weakref._remove_dead_weakref(d, "k")
print(len(d))
del k
gc.collect()
_weakref._remove_dead_weakref(d, "k")
print(len(d))
