def gen(items):
    for it in items:
        match it:
            case [x, y]:
                yield x + y
            case {"v": v}:
                yield v
            case _:
                yield None
print(list(gen([[1, 2], {"v": 7}, 3])))

def closure(subject):
    match subject:
        case (a, b):
            return lambda: a * b
        case c:
            return lambda: c
print(closure((3, 4))(), closure(9)())

def in_try(s):
    try:
        match s:
            case int(n) if n < 0:
                raise ValueError(n)
            case int(n):
                return n
    except ValueError as e:
        return "neg " + str(e)
    finally:
        print("finally")
print(in_try(-1), in_try(5), in_try("x"))

def loop():
    out = []
    for s in [1, "stop", 2]:
        match s:
            case "stop":
                break
            case n:
                out.append(n)
    return out
print(loop())

class Eq:
    def __eq__(self, o):
        raise RuntimeError("eq failed")
class NS:
    val = Eq()
try:
    match 1:
        case NS.val:
            pass
except RuntimeError as e:
    print("raised", e)

def nested_or(v):
    match v:
        case [1, (2 | 3) as m] | [m, 9]:
            return m
        case {"a": [1, {"b": ([x] | x)}]} if False:
            return x
    return "none"
print(nested_or([1, 3]), nested_or([5, 9]), nested_or([1, 4]))
k = 0
while k < 3:
    match k:
        case 1:
            k += 1
            continue
    print("k", k)
    k += 1
