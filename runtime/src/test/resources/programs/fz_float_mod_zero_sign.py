# Found by the differential fuzzer: a zero float remainder must take the divisor's sign.
for x, y in ((-6.0, 3), (6.0, -3), (1e300, -15), (0.0, -2.0), (-0.0, 2.0), (7.5, 2.5), (-7.5, -2.5), (5.0, 3)):
    print(x, y, x % y, divmod(x, y))
print(-6 % 3.0, 6 % -3.0, 0 % -1.0)
