# Dict comprehensions, and dict displays with ** unpacking.
squares = {n: n * n for n in range(6)}
print(squares)
inverted = {v: k for k, v in squares.items()} if False else {v: k for k, v in [(1, "a"), (2, "b")]}
print(inverted)
print({c: i for i, c in [(0, "x"), (1, "y"), (2, "x")]})
counts = {}
for w in ["the", "cat", "and", "the", "hat", "and", "the", "bat"]:
    counts[w] = counts.get(w, 0) + 1
print({w: n for w, n in [(w, counts[w]) for w in counts] if n > 1})
base = {"a": 1, "b": 2}
print({**base, "b": 20, **{"c": 3}})
print({**{}, **base})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
