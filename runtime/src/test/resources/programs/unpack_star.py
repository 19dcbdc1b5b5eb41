# Starred assignment targets.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *middle, z = range(2)
print(a, middle, z)
head, *tail = (9,)
print(head, tail)
for x, *ys in [(1, 2, 3), (4,), (5, 6)]:
    print(x, ys)
[p, *q] = [[1], [2]]
print(p, q)
(m, *n), o = (1, 2, 3), 4
print(m, n, o)
