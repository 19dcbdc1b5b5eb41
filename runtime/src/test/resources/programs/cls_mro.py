# Multiple inheritance: C3 method resolution order, cooperative super() in diamonds and
# classmethods, __mro__, __bases__, mro(), mixins over built-in types, and CPython's errors.
class A:
    def who(self):
        return ["A"]
    @classmethod
    def make(cls):
        return ["A.make", cls.__name__]

class B(A):
    def who(self):
        return ["B"] + super().who()
    @classmethod
    def make(cls):
        return ["B.make"] + super().make()

class C(A):
    def who(self):
        return ["C"] + super().who()

class D(B, C):
    def who(self):
        return ["D"] + super().who()

print(D().who(), D.make())
print([k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()])
print([k.__name__ for k in D.__bases__], [k.__name__ for k in A.__bases__], object.__bases__, int.__mro__)
print(isinstance(D(), C), issubclass(D, B), issubclass(B, C), D.__base__.__name__)

class Init:
    def __init__(self):
        self.log = ["Init"]

class Left(Init):
    def __init__(self):
        super().__init__()
        self.log.append("Left")

class Right(Init):
    def __init__(self):
        super().__init__()
        self.log.append("Right")

class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Bottom")

print(Bottom().log)
print(super(Left, Bottom()).__init__ is not None)

class ReprMixin:
    def __repr__(self):
        return type(self).__name__ + "<" + ",".join(str(x) for x in self) + ">"

class RList(ReprMixin, list):
    pass

r = RList([1, 2])
r.append(3)
print(r, len(r), isinstance(r, list), [k.__name__ for k in RList.__mro__])

class X: pass
class Y: pass
class P1(X, Y): pass
class P2(Y, X): pass
def inconsistent():
    class Z(P1, P2): pass

def two_layouts():
    class Z(list, dict): pass

def repeated():
    class Z(X, X): pass

def int_and_str():
    class Z(int, str): pass

for make in (inconsistent, two_layouts, repeated, int_and_str):
    try:
        make()
        print("made")
    except TypeError as e:
        print("TypeError:", e)
