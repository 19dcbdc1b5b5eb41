# The old sequence protocol: iteration through __getitem__ (re's SubPattern).
class Sq:
    def __init__(self, items):
        self.items = items
    def __getitem__(self, i):
        print("get", i)
        return self.items[i]
s = Sq([1, 2, 3])
print(list(s), 2 in s, 5 in s)
a, b, c = s
print(a, b, c, type(iter(s)).__name__, sorted(Sq("cab")))
for op, av in Sq([("x", 1), ("y", 2)]):
    print(op, av)
class Stop:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i * 10
print(list(Stop()))
class NoIter:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(NoIter())
except TypeError as e:
    print("TypeError", e)
