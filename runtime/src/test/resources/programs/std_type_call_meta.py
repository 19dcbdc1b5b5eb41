class M(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("M.__new__", name, sorted(kw.items()))
        return super().__new__(mcls, name, bases, ns)
class A(metaclass=M): pass
B = type("B", (A,), {"x": 1}, flag=True)
print(type(B).__name__, B.x, B.__mro__[1].__name__)
class S:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
C = type("C", (S,), {}, tag=1)
try:
    type("D", (), {}, bad=1)
except TypeError as e:
    print("TypeError", e)
