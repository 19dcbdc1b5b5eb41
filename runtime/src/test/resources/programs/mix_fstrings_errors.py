# f-strings and formatting of instances (with and without __repr__), and exceptions raised
# inside comprehensions, lambdas and methods, caught around them.
class Plain:
    pass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(1.5, -2)
print(f"{p}", f"{p!r:>20}|", f"{p!s:<18}|", f"{p.x:.3f} {p.y:+d} {p.norm1():08.2f}")
print("{} and {!r}".format(p, "s"), "%s / %r" % (p, p.x), format(p.x, "e"))
print(f"{'nested ' + str(p.y)}", f"{[q.x for q in [p, Point(3, 4)]]}")
width = 6
print(f"[{p.x:>{width}}]", f"{{literal}} {p.y}")
plain = f"{Plain()}"
print(plain.startswith("<__main__.Plain object at 0x"), plain.endswith(">"))


def safe_div(pairs):
    results = []
    for a, b in pairs:
        try:
            results.append([a // x for x in (b, b - 1)])
        except ZeroDivisionError as e:
            results.append(f"error: {e}")
    return results


print(safe_div([(6, 3), (5, 1), (4, 0)]))


class Validator:
    def __init__(self, limit):
        self.limit = limit

    def check(self, values):
        return {v: self._one(v) for v in values}

    def _one(self, v):
        if v > self.limit:
            raise ValueError(f"{v} is over {self.limit}")
        return v * 2


val = Validator(3)
print(val.check([1, 2]))
try:
    val.check([1, 5, 2])
except ValueError as e:
    print("ValueError:", e)

keyfn = lambda pt: pt.missing
try:
    sorted([p, Point(0, 0)], key=keyfn)
except AttributeError as e:
    print("AttributeError:", e)

try:
    print(f"{p.x:d}")
except ValueError as e:
    print("ValueError:", e)


def raise_in_finally_comp():
    log = []
    try:
        return [log.append(i) or 10 // (2 - i) for i in range(4)]
    except ZeroDivisionError:
        return log
    finally:
        log.append("finally")


print(raise_in_finally_comp())
print([f"{k}={v!r}" for k, v in sorted({"a": 1, "b": "two"}.items())])
