# object's __str__/__repr__ slots read through an instance: a method-wrapper (types.py's
# MethodWrapperType = type(object().__str__)).
o = object()
w = o.__str__
print(type(w).__name__, type(o.__repr__).__name__)
print(w().startswith("<object object at 0x"), w() == str(o), o.__repr__() == repr(o))
print(repr(w).startswith("<method-wrapper '__str__' of object object at 0x"))

class P:
    def __repr__(self):
        return "P()"

p = P()
print(type(p.__str__).__name__, p.__str__(), type(p.__repr__).__name__)

class G:
    def __getattr__(self, name):
        return "fallback " + name

g = G()
print(type(g.__str__).__name__, g.missing)
try:
    w(1)
except TypeError as e:
    print("TypeError", e)
