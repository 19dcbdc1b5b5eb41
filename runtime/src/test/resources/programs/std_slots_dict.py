# __slots__ naming __dict__ (functools.partial's pure-Python class): slots and other attributes both work.
class P:
    __slots__ = "func", "args", "__dict__", "__weakref__"

    def __init__(self, func, *args):
        self.func = func
        self.args = args


p = P(len, 1, 2)
p.extra = "yes"
print(p.func, p.args, p.extra, type(P.__dict__["func"]).__name__)
del p.extra
try:
    p.extra
except AttributeError as e:
    print("AttributeError", e)


class Q(P):
    __slots__ = ("z",)


q = Q(abs)
q.z = 3
q.other = 4
print(q.z, q.other, q.func)
