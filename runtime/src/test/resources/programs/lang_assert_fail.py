def check(values):
    total = 0
    for v in values:
        assert v >= 0, "negative value: " + str(v)
        total += v
    return total


print(check([1, 2, 3]))
try:
    check([1, -1])
except AssertionError as e:
    print("caught:", e)
assert check([]) == 0
assert check([5]) == 6
