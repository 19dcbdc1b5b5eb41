# The eval loop's arithmetic fast paths must agree with the general path and CPython:
# overflow into big ints at 2**63, float/int mixing, division by zero, bool arithmetic,
# -0.0, NaN comparisons, and temporaries reused in place.
big = 2 ** 62
print(big + big, big * 2, -big - big - 1, -big - big - 2)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * 9223372036854775807)
print(3037000500 * 3037000500, -3037000500 * 3037000500, (-9223372036854775807 - 1) // -1)
print((-9223372036854775807 - 1) % -1, (-9223372036854775807 - 1) * -1)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2, 7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(7 / 2, -7 / 2, 1 / 3, 2 ** 53 + 1, (2 ** 53 + 1) / 1, 9007199254740993 / 3)
print(1.5 + 2, 2 + 1.5, 3 - 0.5, 0.5 * 4, 4 * 0.25, 1 / 4.0, 3.0 / 2, 2.0 ** 0.5, 2 ** 0.5, 9.0 ** 2)
print(0.1 + 0.2, 1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 10 ** -2, 2.5 ** -1)
print(-0.0, 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, 0.0 - 0.0, -0.0 * 0.0, 5 * -0.0)
print(True + True, True * 3, False - 1, True / 2, 3 - True, 2.5 * True, True // 1, -True, ~True)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 % 2.5, (-0.0) ** 2, 0.0 ** 0)
print(1 < 2.5, 2.5 < 1, 3 == 3.0, 3.0 != 3, -0.0 == 0.0, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 63 > 9.2e18)
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan >= 1, 1 <= nan, nan > nan, nan == 1)
one = 1
print(one is one, one is not None, 3 < 4 < 5, 5 > 4 > 4)
x = 1000
y = x + 1
print(x, y, x + y, x * y - y, (x + y) * (x - y), x // 7 + x % 7)
f = 1.25
g = (f + 1.0) * (f - 1.0)
print(f, g, (f * f + g * g) / (f + g), f)
t = 0
i = 0
while i < 2000:
    t = t + (i * i) % 1013 - (i // 3)
    i = i + 1
print(t)
acc = 0.0
for k in range(1, 200):
    acc = acc + 1.0 / (k * k) - (acc * 0.0)
print(acc)
vals = [10 ** 18, 3, 4.5]
print(vals[0] * 10 + vals[1], vals[2] * vals[1] + vals[0], vals)
for a, b, label in [(1, 0, "int"), (1.0, 0, "float"), (1, 0.0, "mixed"), (True, False, "bool")]:
    for op in ("/", "//", "%"):
        try:
            print(label, op, a / b if op == "/" else (a // b if op == "//" else a % b))
        except ZeroDivisionError as e:
            print(label, op, "ZeroDivisionError:", e)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 + "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print(1.5 & 1)
except TypeError as e:
    print("TypeError:", e)
print(10 ** 30 / 7, -(10 ** 30) / 7, 10 ** 17 / 10 ** 16, (2 ** 80 + 1) / 2 ** 27, 1 / (3 * 10 ** 20))
print(2 ** 63 == 2.0 ** 63, 2 ** 64 + 1 > 2.0 ** 64, 10 ** 400 > 1e308, -(10 ** 400) < float("-inf"), 10 ** 400 < float("inf"))
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print("OverflowError:", e)
