# List comprehensions: filters, nested loops, conditional elements, nesting.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in "ab"])
print([x if x % 2 else -x for x in range(6)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v != 5])
print([c.upper() for c in "hello" if c != "l"])
print(sum([n for n in range(101)]))
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w in words if w == w[::-1]])
print([])
print([len(w) for w in words])
