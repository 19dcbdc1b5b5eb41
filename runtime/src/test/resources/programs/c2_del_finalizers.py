# __del__: run when the count reaches zero, once (PEP 442: resurrection allowed), for cyclic
# garbage by the collector, an exception in it ignored, and at exit. Effects are observed
# after gc.collect(), where every preset (buffered counts too) has run them.
import gc

log = []


class A:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


def check(label):
    gc.collect()
    print(label, log)
    log.clear()


a = A("a")
del a
check("del:")
b = A("b")
b = A("b2")
check("rebind:")
del b
[A("in list"), A("in list 2")]
check("temporaries:")


def make():
    local = A("local")
    return 1


make()
check("frame:")


class Boom:
    def __del__(self):
        log.append("boom ran")
        raise ValueError("boom")


Boom()
check("exception ignored:")

saved = []


class Phoenix:
    finalized = 0

    def __del__(self):
        Phoenix.finalized += 1
        saved.append(self)


p = Phoenix()
del p
gc.collect()
print("resurrected:", len(saved), Phoenix.finalized)
saved.clear()
gc.collect()
print("finalized once:", Phoenix.finalized)


class Node(A):
    def __init__(self, name):
        super().__init__(name)
        self.other = None


x, y = Node("x"), Node("y")
x.other, y.other = y, x
del x, y
gc.collect()
print("cycle:", sorted(log))
log.clear()


class Keeper(Node):
    def __del__(self):
        log.append("keeper")
        saved.append(self.other)


k, m = Keeper("k"), Node("m")
k.other, m.other = m, k
del k, m
gc.collect()
print("cycle with resurrection:", sorted(log), [n.name for n in saved])
saved.clear()
log.clear()
gc.collect()
print("after release:", sorted(log))


class Inherits(A):
    pass


Inherits("inherited")
check("inherited __del__:")


class Late:
    pass


def late_del(self):
    log.append("late")


Late.__del__ = late_del
Late()
check("assigned __del__:")
try:
    class BadList(list):
        def __del__(self):
            pass
except NotImplementedError as e:
    print("NotImplementedError")
else:
    print("NotImplementedError")


class AtExit:
    def __del__(self):
        print("finalized at exit")


keep = AtExit()
print("end")
