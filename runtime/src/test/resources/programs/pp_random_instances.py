# random.Random(seed): generators of their own, with CPython's numbers; the module's
# functions are the methods of a hidden one; one generator shared by threads
import random
import threading

r = random.Random(7)
print(r.random(), r.randint(1, 100), r.choice('abcdef'), r.randbytes(5), r.randbytes(0), r.getrandbits(70))
print(r.randrange(10), r.randrange(0, 50, 5), r.uniform(1, 2))
items = list(range(10))
r.shuffle(items)
print(items, r.sample(range(100), 5))
r.seed(3)
print(r.random(), random.Random(3).random())
print(random.Random('abc').random(), random.Random(x=2).random(), random.Random(2.5).random())
random.seed(5)
print(random.random(), random.randint(1, 6), random.randbytes(3))
print(random.Random, type(r).__name__, isinstance(r, random.Random), type(random.random).__name__)
print(0 <= random.Random().random() < 1)
a, b = random.Random(11), random.Random(11)
a.random()
print(a.random() == b.random(), a.random() == b.random())
try:
    r.randbytes(-1)
except ValueError as e:
    print('ValueError', e)

shared = random.Random(1)
seen = []


def draw():
    mine = [shared.random() for _ in range(200)]
    seen.append(all(0 <= x < 1 for x in mine))


threads = [threading.Thread(target=draw) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(seen, shared.random() == random.Random(1).random())
