# CPython 3.11's int string conversion cap, slices with huge bounds, and a
# sort whose key changes the list.
import sys

big = 10 ** 5000
for convert in (str, repr, lambda v: f"{v}", lambda v: "%d" % v, lambda v: format(v, ","), lambda v: "{}".format(v)):
    try:
        convert(big)
        print("converted")
    except ValueError as err:
        print(err)
for text in ("1" * 5000, "-" + "2" * 4301, "3" * 4300):
    try:
        print(len(str(int(text))))
    except ValueError as err:
        print(err)
print(len(str(10 ** 4299)), len(str(-10 ** 4299)), len(hex(big)), int("f" * 5000, 16) > 0, len(bin(big)))
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(len(str(big)), len(str(int("7" * 6000))))
sys.set_int_max_str_digits(5001)
print(len(str(big)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as err:
    print(err)
sys.set_int_max_str_digits(4300)

print(repr('abc'[10 ** 20:]), 'abc'[:10 ** 20], [1, 2][-10 ** 20:10 ** 30], (1, 2, 3)[::10 ** 20], (1, 2, 3)[::-10 ** 20])
print('abcdef'[-10 ** 30:2], [1, 2, 3][10 ** 25:-10 ** 25:-1], 'abc'[2:-10 ** 40:-1])

l = [3, 1, 2]
def grows(x):
    l.append(0)
    return x
try:
    l.sort(key=grows)
except ValueError as err:
    print(err)
print(l)

m = [3, 1, 2]
def looks(x):
    print(len(m), m)
    return -x
m.sort(key=looks)
print(m)

n = [5, 4, 3]
def clears(x):
    n.clear()
    return x
try:
    n.sort(key=clears, reverse=True)
except ValueError as err:
    print(err)
print(n)

class Meddler:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        items.append(Meddler(0))
        return self.v < other.v
    def __repr__(self):
        return "M%d" % self.v

items = [Meddler(2), Meddler(1)]
try:
    items.sort()
except ValueError as err:
    print(err)
print(items)

def fails(x):
    if x == 1:
        raise KeyError(x)
    return x
o = [3, 1, 2]
try:
    o.sort(key=fails)
except KeyError as err:
    print("KeyError", err)
print(o, sorted([3, 1, 2], key=lambda v: -v), sorted([2, 3, 1], reverse=True))
