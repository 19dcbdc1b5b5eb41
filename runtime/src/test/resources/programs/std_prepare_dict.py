class D(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print("get", k)
        return super().__getitem__(k)
class M(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return D()
    def __new__(mcls, name, bases, ns, **kw):
        print(type(ns).__name__, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, dict(ns))
class C(metaclass=M):
    x = 1
    y = x + 1
