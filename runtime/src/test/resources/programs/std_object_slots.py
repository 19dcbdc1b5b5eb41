class A:
    pass
class E:
    def __eq__(self, o):
        return isinstance(o, E)
    __ne__ = object.__ne__
    __hash__ = object.__hash__
print(A.__ne__ is object.__ne__, A.__eq__ is object.__eq__, object.__lt__)
a = A()
print(object.__eq__(a, a), object.__eq__(a, 1), object.__ne__(a, a), object.__lt__(a, a))
print(E() != E(), E() == E(), E() != 1, hash(a) == object.__hash__(a), type(hash(E())))
class M(dict):
    __ne__ = A.__ne__
print(M(a=1) != M(a=1), M(a=1) != M(a=2))
import _weakref
class R(_weakref.ref):
    __hash__ = _weakref.ref.__hash__
x = A()
print(hash(R(x)) == hash(x), R(x) == _weakref.ref(x))
def f(): pass
print(_weakref.ref.__hash__(_weakref.ref(f)) == hash(f))
class T:
    def __repr__(self):
        return "T!"
t = T()
print(object.__repr__(t).startswith("<__main__.T object at 0x"), object.__str__(t), object.__format__(t, ""), format(t))
print(T.__str__ is object.__str__, T.__format__ is object.__format__, T.__repr__ is object.__repr__)
try:
    object.__format__(t, "x")
except TypeError as e:
    print("TypeError", e)
