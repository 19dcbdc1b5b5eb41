# Found by the differential fuzzer: math.fsum and math.fmod were missing (AttributeError).
import math
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([]), math.fsum([-0.0]))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum(range(10)), math.fsum((1, 2.5, True)))
print(math.fsum([float('inf'), 1.0]), math.fsum([float('nan'), 1.0]), math.fsum([float('inf'), float('nan')]))
for items in ([1e308, 1e308], [float('inf'), -float('inf')], ['a']):
    try:
        print(math.fsum(items))
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(math.fmod(-7.5, 2), math.fmod(7, -2), math.fmod(1, float('inf')), math.fmod(-0.0, 1), math.fmod(float('nan'), 1))
print(math.fmod(10, 3), math.fmod(-10, 3), -10 % 3, math.fmod(5.5, 0.5))
for args in ((1, 0), (float('inf'), 1)):
    try:
        print(math.fmod(*args))
    except ValueError as e:
        print('ValueError', e)
