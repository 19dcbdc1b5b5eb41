# Freeing a deeply nested structure takes as long as building it (CPython's trashcan), and
# never overflows a stack: lists, dicts, tuples and instances hundreds of thousands of levels deep.
class Box:
    def __init__(self, inner):
        self.inner = inner


x = []
for _ in range(100000):
    x = [x]
del x
print("list freed")
y = {}
for _ in range(50000):
    y = {"k": y, "t": (y,)}
y = None
print("dicts and tuples freed")
z = None
for _ in range(50000):
    z = Box(z)
z = 1
print("instances freed", z)


def build(n):
    w = []
    for _ in range(n):
        w = [w, (w,)]
    return len(w)


print([build(30000) for _ in range(3)])
