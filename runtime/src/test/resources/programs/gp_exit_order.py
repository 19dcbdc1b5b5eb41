# At exit, garbage cycles are collected before the module's namespace is torn down (CPython's
# finalization collects first when the collector is enabled): a finalizer of a cycle that was
# already unreachable runs before those of objects that globals hold.
class A:
    def __del__(self):
        print("del", self.name)


first = A()
first.name = "global made first"


def make_cycle(name):
    a = A()
    a.name = name
    a.self = a


make_cycle("cycle")
make_cycle("second cycle")
last = A()
last.name = "global made last"
print("end of program")
