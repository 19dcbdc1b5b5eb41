# Sets, frozensets, dict keys and hash() honour a class's __hash__ and __eq__.

class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, P) and self.v == other.v
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return "P(%d)" % self.v

print(len({P(1), P(1)}), P(1) in {P(1)}, hash(P(1)) == hash(P(1)), hash(P(7)))
print(len(frozenset([P(1), P(2), P(1)])), P(2) in frozenset([P(2)]))
s = {P(1), P(2)}
s.discard(P(1))
print(s, {P(3)} == {P(3)}, {P(3)} <= {P(3), P(4)})
print(len({(P(1), 2), (P(1), 2)}), (P(5), "x") in {(P(5), "x")}, hash((P(1),)) == hash((P(1),)))
d = {P(1): "one"}
d[P(1)] = "uno"
print(d, d[P(1)], P(1) in d, (P(2), 3) in {(P(2), 3): 0})
print(sorted(x.v for x in {P(i % 3) for i in range(10)}))

class Big:
    def __hash__(self):
        return 2 ** 62 + 5

class Neg:
    def __hash__(self):
        return -1

class Huge:
    def __hash__(self):
        return 2 ** 100

class Flag:
    def __hash__(self):
        return True

print(hash(Big()), hash(Neg()), hash(Huge()), hash(Flag()))

class Unhashable:
    __hash__ = None

class EqOnly:
    def __eq__(self, other):
        return True

class Child(P):
    def __eq__(self, other):
        return False

class Inherits(P):
    pass

class Restores(EqOnly):
    def __hash__(self):
        return 42

print(EqOnly.__hash__ is None, Unhashable.__hash__ is None, hash(Inherits(9)), hash(Restores()))
print(len({Inherits(1), Inherits(1)}))

for make in (Unhashable, EqOnly, lambda: Child(1)):
    obj = make()
    for attempt in (lambda: hash(obj), lambda: {obj}, lambda: {obj: 1}, lambda: set().add(obj),
                    lambda: frozenset([obj]), lambda: obj in {1}, lambda: hash((1, obj))):
        try:
            attempt()
            print("no error")
        except TypeError as err:
            print(err)

class BadHash:
    def __hash__(self):
        return "x"

try:
    hash(BadHash())
except TypeError as err:
    print(err)

class Counted:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        Counted.calls += 1
        return self.v % 2
    def __eq__(self, other):
        return self.v == other.v

print(len({Counted(i) for i in range(6)} | {Counted(1)}), Counted.calls > 0)
d = {1: 2}
for attempt in (lambda: {1, 2}.add({}.items()), lambda: {d.keys()}, lambda: d[::2], lambda: {d.values()} and "ok"):
    try:
        print(attempt())
    except TypeError as err:
        print(err)

def slice_key():
    d[:] = 1

try:
    slice_key()
except TypeError as err:
    print(err, d)

{Unhashable()}
