# Found by the differential fuzzer: a float power that overflows gave inf; CPython raises OverflowError.
print(2.0 ** 1023, 10.0 ** -400, 0.5 ** 2000, float('inf') ** 2, 1e300 ** 1)
for base, exp in ((1e300, 3), (2.0, 5000), (-1e200, 3), (10.0, 309.5), (1e300, 2.0)):
    try:
        print(base ** exp)
    except OverflowError as e:
        print('OverflowError', e)
x = 1.5
for i in range(12):
    try:
        x = x ** 2
    except OverflowError as e:
        print('overflow after', i, 'squarings:', e)
        break
print(pow(1e10, 40))
