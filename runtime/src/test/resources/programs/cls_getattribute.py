# __getattribute__ overrides: every read goes through it (methods and own attributes), object.__getattribute__
# and super().__getattribute__, AttributeError from it falls back to __getattr__; __getattr__ alone.
class Traced:
    def __init__(self):
        self.reads = []
        self.value = 7
    def __getattribute__(self, name):
        if name != "reads":
            object.__getattribute__(self, "reads").append(name)
        return object.__getattribute__(self, name)
    def method(self):
        return "m"

t = Traced()
print(t.value, t.method(), t.value)
print(t.reads)

class Upper:
    def __init__(self):
        self.name = "bob"
    def __getattribute__(self, name):
        v = super().__getattribute__(name)
        return v.upper() if isinstance(v, str) else v
u = Upper()
print(u.name, getattr(u, "name"), hasattr(u, "nothing"))

class Fallback:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
    def visible(self):
        return "visible"
f = Fallback()
print(f.visible(), f.secret_key, f.missing)

class Child(Traced):
    pass
c = Child()
c.value
print(c.reads)

class Lazy:
    def __getattr__(self, name):
        if name == "computed":
            self.computed = 99
            return 0
        raise AttributeError(name)
lz = Lazy()
print(lz.computed, lz.computed)
try:
    lz.other
except AttributeError as e:
    print("AttributeError:", e)
