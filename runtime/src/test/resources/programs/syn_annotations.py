# Annotations (CPython 3.11 semantics): parameters, *args, keyword-only, **kwargs and return in
# __annotations__; module and class annotations with and without values; complex targets;
# locals made by an annotation; class annotations are not inherited; list[int] and friends.
def f(x: int = 1, *a: str, k: 'T' = 2, **kw: list[int]) -> dict:
    return x
print(f.__annotations__, f())
def g(): pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)

x: int = 5
y: str
print(__annotations__, x)
try:
    print(y)
except NameError as e:
    print(e)

class C:
    a: int
    b: 'str' = 'hi'
    if True:
        c: float = 1.0
    def m(self):
        self.z: int = 3
        q: undefined_name = 4
        return q
print(C.__annotations__, C.b, C.c, C().m())
o = C()
o.m()
print(o.z)

d = {}
d['k']: int = 1
lst = [0]
lst[0]: int = 9
print(d, lst)
(p): int = 3
print(p, __annotations__)

def h():
    print(v)
    v: int
try:
    h()
except UnboundLocalError as e:
    print(e)

def deco(fn):
    print('deco sees', fn.__annotations__)
    return fn
@deco
def f(a: print('evaluated') or int) -> print('ret') or None: pass

class D:
    pass
print(D.__annotations__)
class E(D):
    x: int
class F(E):
    pass
print(E.__annotations__, F.__annotations__)
