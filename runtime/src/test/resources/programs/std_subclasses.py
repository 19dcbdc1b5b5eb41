# type.__subclasses__: the direct subclasses, in the order they were made (what _py_abc walks).
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
class L(list): pass
class E(ValueError): pass

print([k.__name__ for k in A.__subclasses__()], [k.__name__ for k in B.__subclasses__()])
print([k.__name__ for k in C.__subclasses__()], D.__subclasses__())
print(L in list.__subclasses__(), E in ValueError.__subclasses__(), A in object.__subclasses__())
print(bool in int.__subclasses__(), type in object.__subclasses__())
M = type("M", (A,), {})
print([k.__name__ for k in A.__subclasses__()])
try:
    A.__subclasses__(1)
except TypeError as e:
    print("TypeError", e)
