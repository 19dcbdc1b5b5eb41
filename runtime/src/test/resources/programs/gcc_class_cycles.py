# Classes made by class statements are freed by the cycle collector, as CPython's (a class
# always holds itself through its __mro__, so only a collection frees it): cycles through a
# class attribute, methods' globals and closures, instances, subclasses and metaclasses.
import gc
import _weakref

gc.collect()
log = []

def watch(obj, name):
    return _weakref.ref(obj, lambda r: log.append(name))

def self_attribute():
    class A:
        pass
    A.me = A
    return watch(A, "A")

def instances_list():
    class B:
        def __init__(self, n):
            self.n = n
    B.instances = [B(i) for i in range(3)]
    return watch(B, "B"), watch(B.instances[0], "B(0)")

def closure_cycle():
    class C:
        def get(self):
            return C  # the method's closure cell holds C
    return watch(C, "C")

def super_cell():
    class D:
        def hello(self):
            return "D"
    class E(D):
        def hello(self):
            return "E" + super().hello()
    assert E().hello() == "ED"
    return watch(D, "D"), watch(E, "E")

def metaclass():
    class Meta(type):
        pass
    class F(metaclass=Meta):
        pass
    return watch(Meta, "Meta"), watch(F, "F")

def with_del():
    class G:
        def __del__(self):
            log.append("G.__del__ " + type(self).__name__)
    g = G()
    g.cls = G
    G.one = g
    return watch(G, "G")

def unreferenced():
    class H:
        pass
    return watch(H, "H")

refs = []
for make in (self_attribute, instances_list, closure_cycle, super_cell, metaclass, with_del, unreferenced):
    r = make()
    refs.extend(r if isinstance(r, tuple) else (r,))
    print(make.__name__, "alive before collect:", all(x() is not None for x in (r if isinstance(r, tuple) else (r,))))

print("before", log)
n = gc.collect()
print("found some", n > 0)
print("after", sorted(log))
print("all freed", all(r() is None for r in refs))

# a live class survives, with its instances and subclasses
class Live:
    count = 0
    def __init__(self):
        Live.count += 1
class LiveSub(Live):
    pass
keep = [Live(), LiveSub()]
gc.collect()
print(Live.count, type(keep[1]).__mro__[1] is Live, LiveSub().count)

# an instance alone keeps its class alive through collections
def only_instance():
    class K:
        def name(self):
            return "K"
    return K()
k = only_instance()
wk = watch(type(k), "K")
gc.collect()
gc.collect()
print(k.name(), wk() is type(k))
del k
gc.collect()
print("K freed", wk() is None, "K" in log)

# many classes made in a loop do not accumulate
def many():
    for i in range(200):
        class L:
            pass
        L.me = L
many()
print("many", gc.collect() > 0)
