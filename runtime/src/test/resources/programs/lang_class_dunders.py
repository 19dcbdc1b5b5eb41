class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return self.x * 31 + self.y

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __repr__(self):
        return "Vec(" + str(self.x) + ", " + str(self.y) + ")"

    def __bool__(self):
        return self.x != 0 or self.y != 0


a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, b - a, a * 3, 2 * b)
print(a == Vec(1, 2), a != Vec(1, 2), a == b, a == 5)
print(sorted([b, a, Vec(0, 9)]), a < b, b > a, min([b, a]), max([a, b]))
d = {a: "a", b: "b"}
print(d[Vec(1, 2)], Vec(3, 4) in d, Vec(5, 5) in d)
print(bool(Vec(0, 0)), bool(a), not Vec(0, 0))
if Vec(0, 0):
    print("wrong")
else:
    print("zero vector is false")


class Bag:
    def __init__(self):
        self.items = {}

    def __len__(self):
        return len(self.items)

    def __getitem__(self, key):
        return self.items[key]

    def __setitem__(self, key, value):
        self.items[key] = value

    def __delitem__(self, key):
        del self.items[key]

    def __contains__(self, key):
        return key in self.items

    def __call__(self, key, default):
        if key in self.items:
            return self.items[key]
        return default

    def __str__(self):
        return "Bag of " + str(len(self))


bag = Bag()
bag["a"] = 1
bag["b"] = 2
bag["a"] += 10
print(len(bag), bag["a"], "a" in bag, "z" in bag, "z" not in bag)
del bag["b"]
print(len(bag), bag("b", "none"), bag("a", 0))
print(bag, str(bag), [str(bag)])
try:
    bag["q"]
except KeyError as e:
    print("KeyError", e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(4)), sum(Countdown(5)))
for i in Countdown(2):
    print("tick", i)
print(3 in Countdown(5), 7 in Countdown(5))
it = Countdown(2)
print(next(it), next(it), next(it, "stop"))


class Seq:
    def __getitem__(self, i):
        return i * i

    def __len__(self):
        return 3


s = Seq()
print(s[4], len(s))
