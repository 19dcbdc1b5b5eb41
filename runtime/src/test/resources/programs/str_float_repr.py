# repr/str of floats: the shortest decimal that reads back, laid out as CPython does.
print(1e23, 2.0**60, 5e-324)
print(repr(1e23), str(2.0**60), [5e-324, 0.1 + 0.2, 1e16, 1e15, 1e-5, 0.0001])
x = 1e23
print(f"{x} {x!r} {x!s} {2.0**60:} {'%r %s' % (x, 2.0**60)} {'{} {!r}'.format(x, 5e-324)}")
print("%s|%r|%s" % (1e22, 9.5367431640625e-07, -0.0), float("inf"), -float("inf"), float("nan"))
print(format(1e23), format(1e23, ""), str(1e23).__len__())
try:
    format(1.5, "r")
except ValueError as e:
    print("ValueError:", e)
print({1e23: 2.0**60}, (5e-324,), 2.0**63, 2.0**100, 2.0**1023, 2.0**-1022)
# A deterministic sweep over many magnitudes.
out = []
v = 1.0
for i in range(400):
    v = v * 1.3719 + 1 / (i + 3)
    out.append(repr(v))
    out.append(repr(1 / v))
    out.append(str(i / 7.0))
print(" ".join(out))
total = 0.0
for i in range(1, 200):
    total += 1.0 / i
    print(total, total * 1e-200, total * 1e200)
