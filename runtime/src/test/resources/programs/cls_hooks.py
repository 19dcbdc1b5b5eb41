# Class creation hooks: __init_subclass__, __set_name__, __class_getitem__, type() with three
# arguments, and a class's __qualname__, __module__, __dict__ and __name__.
class Registry:
    subclasses = []
    def __init_subclass__(cls):
        super().__init_subclass__()
        Registry.subclasses.append(cls.__name__)

class One(Registry): pass
class Two(One): pass
print(Registry.subclasses)

class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get("_" + self.name, "unset")
    def __set__(self, obj, value):
        obj.__dict__["_" + self.name] = value

class Record:
    x = Field()
    y = Field()

rec = Record()
rec.x = 5
print(Record.x.name, Record.x.owner, Record.y.name, rec.x, rec.y)

class Box:
    def __class_getitem__(cls, item):
        return "Box[" + item.__name__ + "]"
print(Box[int], Box[str])
try:
    Record[int]
except TypeError as e:
    print("TypeError:", e)

def hello(self):
    return "hello from " + type(self).__name__

Dyn = type("Dyn", (Record,), {"greet": hello, "z": 3})
d = Dyn()
print(Dyn.__name__, Dyn.__qualname__, Dyn.__module__, d.greet(), d.z, isinstance(d, Record), [k.__name__ for k in Dyn.__mro__])
Plain = type("Plain", (), {})
print(Plain.__bases__, type(Plain()).__name__)

class Outer:
    class Inner:
        def m(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__, Outer.__module__, Outer.Inner.m.__qualname__)
print(sorted(k for k in Record.__dict__ if not k.startswith("__")), "x" in Record.__dict__, "__qualname__" in Record.__dict__)
print(type(Record.__dict__).__name__, Record.__dict__["x"] is Record.__dict__.get("x"), len(type.__dict__) > 0 or True)
try:
    Record.__dict__["new"] = 1
except TypeError as e:
    print("TypeError:", e)
