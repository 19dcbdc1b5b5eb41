def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(values):
    for v in values:
        yield v * v
    return "finished"


def fib():
    a = 0
    b = 1
    while True:
        yield a
        a, b = b, a + b


print(list(count_up(5)), sum(squares([1, 2, 3])))
for x in squares(count_up(4)):
    print("sq", x)
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration after exhaustion")
print(next(g, "default"))
f = fib()
first = []
for v in f:
    if v > 50:
        break
    first.append(v)
print(first, next(f), next(f))


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")


for v in with_finally():
    print("got", v)


def early_return(n):
    if n < 0:
        return
    yield n


print(list(early_return(-1)), list(early_return(3)))


def pairs(d):
    for k in sorted(d):
        yield k, d[k]


for k, v in pairs({"b": 2, "a": 1}):
    print(k, v)
gen = count_up(3)
print(type(gen).__name__, iter(gen) is gen, 1 in count_up(3), 9 in count_up(3))


def raises():
    yield 1
    raise ValueError("from generator")


try:
    for v in raises():
        print("before error", v)
except ValueError as e:
    print("caught", e)
