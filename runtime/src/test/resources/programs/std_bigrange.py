# Ranges of arbitrary precision (CPython's longrange): _collections_abc asks for one.
big = 1 << 1000
r = range(big)
print(type(iter(r)).__name__, type(iter(range(10))).__name__)
print(type(reversed(r)).__name__, type(reversed(range(3))).__name__)
print(bool(r), bool(range(big, big)), r.stop == big, r.start, r.step)
try:
    len(r)
except OverflowError as e:
    print("OverflowError", e)
print(len(range(big, big + 5)), list(range(big, big + 3)) == [big, big + 1, big + 2])
print(r[big - 1] == big - 1, r[-1] == big - 1, r[5])
try:
    r[big]
except IndexError as e:
    print("IndexError", e)
print(big - 1 in r, big in r, -1 in r, 7 in range(1, 20, 3), 8 in range(1, 20, 3), True in range(2))
print(range(1, big, 2).index(big - 1) == (big - 2) // 2, range(0, 10, 3).count(6), range(0, 10, 3).count(5))
try:
    range(0, 10, 3).index(5)
except ValueError as e:
    print("ValueError", e)
s = r[big // 2::big // 4]
print(s == range(big // 2, big, big // 4), len(s))
print(repr(range(-big, big, big // 2)) == "range(%d, %d, %d)" % (-big, big, big // 2))
print(list(reversed(range(big, big + 9, 4))) == [big + 8, big + 4, big])
it = iter(range(big - 2, big + 1))
print(next(it) == big - 2, [x - big for x in it])
print(range(big, big + 1) == range(big, big + 2, 7), range(big) == range(big + 1), range(big, big) == range(0))
m = (1 << 63) - 1
print(list(range(m - 2, m)), list(range(-m - 1, -m + 1)), list(reversed(range(m - 3, m, 2))))
print(len(range(-m - 1, m, 1 << 62)), list(range(0, m, m // 2)))
print(range(-(1 << 63), 1 << 63, 1 << 63)[1], list(range(3)[::-1]), range(10)[2:8:3])
print(range(10)[True], range(big)[big // 2 : big // 2 + 3] == range(big // 2, big // 2 + 3))


class Ix:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(range(Ix(2), Ix(big))[Ix(1)], list(range(Ix(3))))
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
