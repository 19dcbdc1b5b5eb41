def last_char(s):
    return s[-1]

def neg(x):
    return -x

words = ["banana", "kiwi", "apple", "fig", "cherry"]
print(min(words), max(words), min(words, key=len), max(words, key=len), max(words, key=last_char))
print(min(3, 1, 2), max(3, 1, 2), min([4, -5, 2], key=abs), max(1, 2, key=neg), min("hello"))
print(min([], default="empty"), max([], default=None), min([7], default=0))
print(max([1, 3, 3, 2]), max([(1, "b"), (1, "a"), (0, "z")]), min([2.5, 2, 3]))
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True), sorted(words, reverse=True))
print(sorted([3, 1, 2]), sorted("bca"), sorted((9, 7, 8)), sorted({"b": 1, "a": 2}), sorted(set([5, 1, 3])))
recs = [("x", 3), ("y", 1), ("z", 3), ("w", 2), ("v", 1)]

def score(r):
    return r[1]

print(sorted(recs, key=score), sorted(recs, key=score, reverse=True))
print(sorted([1.5, -2, 0, True, 3]), sorted([[2, 1], [1, 2], [1]]))
