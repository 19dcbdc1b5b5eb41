# Subclassing classmethod, staticmethod and property; __set_name__, __init_subclass__,
# __class_getitem__ (checked against CPython 3.11).


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class tagged_static(staticmethod):
    def __init__(self, f, tag="t"):
        super().__init__(f)
        self.tag = tag


class C:
    @abstractclassmethod
    def make(cls):
        return cls.__name__

    @tagged_static
    def helper(x):
        return x * 2


print(C.make(), C().make())
print(C.helper(4), C().helper(5))
d = C.__dict__["make"]
print(type(d).__name__, d.__isabstractmethod__, d.__func__.__isabstractmethod__)
print(sorted(d.__dict__))
h = C.__dict__["helper"]
print(type(h).__name__, h.tag, h.__name__, h.__func__ is h.__wrapped__)
print(isinstance(d, classmethod), isinstance(h, staticmethod))
print(classmethod(len).__isabstractmethod__, staticmethod(len).__func__ is len)


class cached(property):
    """A property that counts its reads."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        super().__init__(fget, fset, fdel, doc)
        self.reads = 0

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        self.reads += 1
        return super().__get__(obj, objtype)


class P:
    def __init__(self):
        self._v = 1

    @cached
    def v(self):
        "the value"
        return self._v

    @v.setter
    def v(self, value):
        self._v = value

    @v.deleter
    def v(self):
        del self._v


p = P()
print(p.v, p.v)
p.v = 7
print(p.v)
prop = P.__dict__["v"]
print(type(prop).__name__, prop.reads, prop.__doc__, P.v is prop)
del p.v
print(hasattr(p, "_v"))
print(type(prop.getter(lambda s: 3)).__name__, prop.fset is not None, prop.__isabstractmethod__)


class Plain(property):
    pass


pl = Plain(lambda s: 5)
print(type(pl.setter(lambda s, v: None)).__name__, pl.__dict__)
print(type(Plain().deleter(None)).__name__)


def abstract_getter(self):
    return 0


abstract_getter.__isabstractmethod__ = True
print(property(abstract_getter).__isabstractmethod__, property(len).__isabstractmethod__)


class Q:
    @property
    def ro(self):
        return 1


try:
    Q().ro = 2
except AttributeError as e:
    print("AttributeError:", e)


class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name


class NamedProperty(property):
    def __set_name__(self, owner, name):
        print("property set_name", name)
        super().__set_name__(owner, name)


class Holder:
    first = Named()
    second = NamedProperty(lambda self: 1)


print(Holder.first.name)
try:
    property().__set_name__(Holder)
except TypeError as e:
    print("TypeError:", e)
np_ = Holder.__dict__["second"]
try:
    Holder().second = 3
except AttributeError as e:
    print("AttributeError:", e)


class Base:
    registry = []

    def __init_subclass__(cls, /, kind="plain", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        Base.registry.append(cls.__name__)


class A(Base, kind="special"):
    pass


class B(A):
    pass


print(Base.registry, A.kind, B.kind)
try:
    class Bad(Base, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Box:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


class SubBox(Box):
    pass


print(Box[int], SubBox["x", 2])
print(list[int], dict[str, int])
try:
    int[3]
except TypeError as e:
    print("TypeError:", e)
