# Nested tuple targets in assignments and for loops.
(a, b), c = (1, 2), 3
print(a, b, c)
for i, (name, score) in [(0, ("ann", 90)), (1, ("bob", 75))]:
    print(i, name, score)
points = [((0, 0), (1, 1)), ((2, 3), (4, 5))]
for (x1, y1), (x2, y2) in points:
    print(x2 - x1, y2 - y1)
x, (y, (z, w)) = 1, [2, (3, 4)]
print(x, y, z, w)
a, b = b, a
print(a, b)
print([k + v for k, v in [("a", "1"), ("b", "2")]])
print({k: (v, w) for k, (v, w) in [("p", (1, 2))]})
