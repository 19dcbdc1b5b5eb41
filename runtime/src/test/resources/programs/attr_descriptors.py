# staticmethod, classmethod, property (call form: no decorators), user descriptors,
# __getattr__, __setattr__, __delattr__.


class Temperature:
    scale = "C"

    def __init__(self, c):
        self._c = c

    def get_f(self):
        return self._c * 9 // 5 + 32

    def set_f(self, f):
        self._c = (f - 32) * 5 // 9

    def del_f(self):
        print("deleting", self._c)
        del self._c

    fahrenheit = property(get_f, set_f, del_f, "degrees F")
    celsius_only = property(lambda self: self._c)

    def make(cls, c):
        return cls(c)

    make = classmethod(make)

    def describe(x):
        return "static " + str(x)

    describe = staticmethod(describe)

    def scale_of(cls):
        return cls.__name__ + " in " + cls.scale

    scale_of = classmethod(scale_of)


t = Temperature(100)
print(t.fahrenheit, t.celsius_only)
t.fahrenheit = 32
print(t._c, t.fahrenheit)
for i in range(3):
    t.fahrenheit = 212 + i * 9  # a warm store site through the property
print(t._c)
try:
    t.celsius_only = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.celsius_only
except AttributeError as e:
    print("AttributeError:", e)
del t.fahrenheit
try:
    t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)

print(Temperature.make(5).fahrenheit, t.make(10).celsius_only)
print(Temperature.describe(1), t.describe(2))
print(Temperature.scale_of(), t.scale_of())
p = Temperature.fahrenheit
print(type(p).__name__, p.__doc__, p.fget is Temperature.__dict__ if False else p.fget.__name__ if hasattr(p.fget, "__name__") else "fget")
print(isinstance(p, property), type(staticmethod(len)).__name__, type(classmethod(len)).__name__)


class Kelvin(Temperature):
    scale = "K"

    def get_f(self):
        return -1


print(Kelvin.scale_of(), Kelvin(0).fahrenheit, Kelvin.make(3).__class__.__name__)

# property copies: getter/setter/deleter
def getx(self):
    return self._x


def setx(self, v):
    self._x = v * 2


class WithX:
    x = property(getx)
    x = x.setter(setx)


w = WithX()
w.x = 21
print(w.x)

# a property without a name (assigned after the class was made)
WithX.y = property(None)
try:
    w.y
except AttributeError as e:
    print("AttributeError:", e)


# user descriptors
class Verbose:
    def __get__(self, obj, owner):
        return "got from " + ("class" if obj is None else owner.__name__ + " instance")


class Typed:
    def __init__(self, name):
        self.name = name

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 0)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(self.name + " must be int")
        obj.__dict__[self.name] = value


class Holder:
    v = Verbose()
    count = Typed("count")


h = Holder()
print(h.v, Holder.v, h.count)
h.count = 4
print(h.count, h.__dict__)
try:
    h.count = "x"
except TypeError as e:
    print("TypeError:", e)
h.__dict__["v"] = "instance wins over non-data descriptor"
print(h.v)


# __getattr__ and __setattr__ and __delattr__
class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value * 10)

    def __getattr__(self, name):
        return "default " + name

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)


r = Recorder()
for i in range(3):
    r.a = i
print(r.a, r.zzz, r.log)
del r.a
print(r.a, r.log)
setattr(r, "b", 1)
print(r.b, r.log)


class Sub(Recorder):
    def __setattr__(self, name, value):
        super().__setattr__(name, value + 1)


s = Sub()
s.q = 1
print(s.q, s.log)
try:
    staticmethod()
except TypeError as e:
    print("TypeError:", e)
try:
    classmethod(len, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    property(bogus=1)
except TypeError as e:
    print("TypeError:", e)
Temperature.make = staticmethod(lambda c: "replaced")
print(t.make(1), Kelvin.make(2))
t2 = Temperature(1)
t2.fahrenheit = 50
print(t2.fahrenheit)
