def f(x):
    match x:
        case 0 | 1:
            return "small"
        case -1:
            return "minus one"
        case 2.5:
            return "float"
        case "hi" | b"bytes":
            return "str/bytes"
        case None:
            return "none"
        case True:
            return "true"
        case []:
            return "empty list"
        case [a]:
            return f"one {a}"
        case [a, b, *rest] if a == b:
            return f"pair-ish {a} {rest}"
        case (a, *_, b):
            return f"first {a} last {b}"
        case {"k": v, **kw}:
            return f"map {v} {kw}"
        case {}:
            return "any mapping"
        case str() as s:
            return "other str " + s
        case _:
            return "other"

for v in [0, 1, -1, 2.5, "hi", b"bytes", None, True, False, [], [5], (5,), [1, 1, 2, 3], [1, 2, 3], (1, 2),
          {"k": 1, "j": 2}, {"z": 1}, {}, "x", 3.5, range(3), "abc", bytearray(b"ab")]:
    print(repr(v), f(v))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"y-axis {yy}"
        case Point(xx, 0):
            return f"x-axis {xx}"
        case Point(x, y) if x == y:
            return f"diag {x}"
        case Point():
            return "somewhere"
        case int(n) | float(n):
            return f"number {n}"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), 7, 1.5, "s"]:
    print(where(p))

# names bound only on success
match [1, 2]:
    case [q, 3]:
        print("no")
    case _:
        print("q" in dir())
# guard failure leaves bindings
match 5:
    case w if w > 10:
        pass
    case _:
        print("w is", w)

match = 3
case = 4
print(match + case)
match (match):
    case 3:
        print("soft keyword subject")

class C:
    match 1:
        case k:
            print("class body", k)
print(C.k)

for i in range(3):
    match i:
        case 1:
            continue
        case _:
            print("loop", i)
