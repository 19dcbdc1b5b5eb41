# Metaclasses: __new__, __init__, __call__, __prepare__, methods and properties of the
# metaclass seen through the class, inheritance of the metaclass, __instancecheck__.
log = []

class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        log.append(("prepare", name, kw))
        return {"injected": 42}

    def __new__(mcs, name, bases, ns, **kw):
        log.append(("new", name, sorted(k for k in ns if not k.startswith("__"))))
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        log.append(("init", name))

    def __call__(cls, *args, **kwargs):
        log.append(("call", cls.__name__, args))
        inst = super().__call__(*args, **kwargs)
        inst.via_meta = True
        return inst

    def describe(cls):
        return "class " + cls.__name__ + " tagged " + cls.tag

    @property
    def upper_name(cls):
        return cls.__name__.upper()

class Base(metaclass=Meta, tag="base"):
    def __init__(self, x):
        self.x = x

class Child(Base):
    pass

b = Base(1)
c = Child(2)
print(log)
print(type(Base).__name__, type(Child) is Meta, isinstance(Base, Meta), isinstance(Base, type))
print(Base.injected, Base.describe(), Child.describe(), Base.upper_name, Child.tag)
print(b.x, b.via_meta, c.x, isinstance(c, Base), type(c).__name__)

class Singleton(type):
    instances = {}
    def __call__(cls, *a):
        if cls not in Singleton.instances:
            Singleton.instances[cls] = super().__call__(*a)
        return Singleton.instances[cls]

class Config(metaclass=Singleton):
    def __init__(self):
        self.n = 0

Config().n += 1
Config().n += 1
print(Config().n, Config() is Config())

class EvenCheck(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        return sub is bool

class Even(metaclass=EvenCheck):
    pass

print(isinstance(4, Even), isinstance(3, Even), isinstance("x", Even), issubclass(bool, Even), issubclass(int, Even))

Made = Meta("Made", (), {"y": 1})
print(Made.tag, Made.y, type(Made).__name__, log[-1])

class M2(type):
    pass
class Other(metaclass=M2):
    pass
try:
    class Mixed(Base, Other):
        pass
except TypeError as e:
    print("TypeError:", e)
