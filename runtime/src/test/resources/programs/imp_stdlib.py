# Pure-Python modules of CPython's standard library, loaded from the installation on the
# machine (the last entry of sys.path); their C accelerators are optional.
import keyword
import bisect
import colorsys
import heapq
import stat
import __future__
print(keyword.iskeyword("lambda"), keyword.iskeyword("print"), len(keyword.kwlist) > 30)
a = [1, 3, 5, 7]
bisect.insort(a, 4)
print(a, bisect.bisect_left(a, 5), bisect.bisect_right(a, 5))
print([round(x, 3) for x in colorsys.rgb_to_hsv(0.2, 0.4, 0.6)])
h = []
for v in [5, 1, 4, 2, 3]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(5)], heapq.nsmallest(2, [9, 8, 7]))
print(stat.S_ISDIR(0o040755), stat.filemode(0o100644))
print(__future__.annotations.mandatory if hasattr(__future__.annotations, "mandatory") else "?", keyword.__name__, keyword.__file__.endswith("keyword.py"), keyword.__spec__.name)
