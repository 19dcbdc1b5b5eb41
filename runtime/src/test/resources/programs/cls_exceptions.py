# Exception subclasses: extra attributes, __init__ and __str__ overrides, super().__init__(msg), args.
class MyError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return "MyError[%d]: %s" % (self.code, self.args[0])

class Sub(MyError):
    pass

try:
    raise Sub("bad", 7)
except MyError as e:
    print(e, e.code, e.args, type(e).__name__, isinstance(e, Exception), repr(e))

class E2(ValueError):
    pass
e = E2("x", 1)
print(e.args, str(e), repr(e))
class E3(KeyError):
    def __init__(self, k):
        super().__init__(k)
        self.k = k
try:
    raise E3("zz")
except KeyError as e:
    print(e, e.k)
raise Sub("final", 3)
