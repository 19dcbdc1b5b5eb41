import sys

print(type(object.__init__), object.__init__)
print(type(object().__init__).__name__)
print(type(str.join), str.join, str.join.__name__, str.join.__qualname__, str.join.__objclass__)
print(str.join is str.join, str.join(",", ["a", "b"]))
print(type(dict.__dict__['fromkeys']), dict.__dict__['fromkeys'])
print(type(list.__dict__['append']), list.__dict__['append'])
print(type(list.__len__), list.__len__(["x", "y"]))
print(type(len), len.__name__, len.__qualname__)
b = [].append
print(type(b), b.__name__, b.__qualname__, b.__self__)


def f(a, b=2, *, c=3):
    return a


FunctionType = type(f)
print(type(FunctionType.__code__), FunctionType.__code__)
print(type(FunctionType.__globals__), FunctionType.__globals__)
print(FunctionType.__code__.__get__(f, FunctionType) is f.__code__)
print(f.__defaults__, f.__kwdefaults__, f.__globals__ is globals())
print(f.__code__.co_name, FunctionType.__name__.__class__)
try:
    str.join(5, [])
except TypeError as e:
    print("TypeError", e)


class C:
    def m(self):
        return 1


bm = C().m
print(bm.__func__ is C.__dict__['m'], type(bm.__self__).__name__, bm.__name__, bm.__qualname__)

ns = type(sys.implementation)
print(ns, ns.__name__)
n = ns(a=1, b="x")
print(n, n.a, n == ns(a=1, b="x"), n == ns(a=2))
n.c = [n]
print(n)
try:
    ns(1)
except TypeError as e:
    print("TypeError", e)


class Sub(ns):
    pass


print(Sub(z=1))
print(type(sys.implementation.name), sys.implementation.version == sys.version_info)
