# Augmented assignment on mutable objects changes them in place.

def add(l):
    l += [1]

x = []
add(x)
print(x)

a = [1, 2]
b = a
a += (3, 4)
a += "ab"
a += (i * i for i in range(3))
print(a, b is a)
a *= 2
print(b, len(b), b is a)
a *= 0
print(b, b is a)
c = [7]
d = c
c *= -3
print(d, d is c)
e = [1, 2]
e += e
print(e)
f = [[]]
f *= 3
f[0].append(9)
print(f)

t = (1,)
u = t
t += (2,)
print(t, u, t is u)

s = {1, 2, 3}
alias = s
s |= {4}
s &= {1, 2, 4, 5}
s -= {1}
s ^= {2, 9}
print(sorted(alias), alias is s)
s -= s
print(alias)
fs = frozenset({1})
fa = fs
fs |= {2}
print(sorted(fs), sorted(fa), fs is fa)

n = 5
m = n
n += 1
print(n, m)

holder = {"k": [1]}
view = holder["k"]
holder["k"] += [2]
print(view, holder)

class Box:
    def __init__(self):
        self.items = []

box = Box()
kept = box.items
box.items += [3]
print(kept)

class Acc:
    def __init__(self):
        self.total = 0
    def __iadd__(self, other):
        self.total += other
        return self
    def __isub__(self, other):
        return NotImplemented
    def __sub__(self, other):
        return "sub"
    def __imul__(self, other):
        return "imul"
    def __ior__(self, other):
        return self

acc = Acc()
keep = acc
acc += 5
acc += 6
print(acc is keep, keep.total)
acc -= 1
print(acc)
acc = keep
acc *= 2
print(acc)
acc = keep
acc |= 3
print(acc is keep)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return OnlyAdd(self.v + other)

o = OnlyAdd(1)
p = o
o += 2
print(o.v, p.v, o is p)

def list_plus_int():
    l = [1]
    l += 5

def list_times_str():
    l = [1]
    l *= 'x'

def set_or_list():
    s = {1}
    s |= [2]

def none_plus_int():
    n = None
    n += 1

def str_minus_str():
    s = 'a'
    s -= 'a'

def frozenset_and_list():
    fs = frozenset()
    fs &= [1]

for bad in (list_plus_int, list_times_str, set_or_list, none_plus_int, str_minus_str, frozenset_and_list):
    try:
        bad()
    except TypeError as err:
        print(type(err).__name__, err)

g = [1]
g += [2]
g -= [1]
