log = []


class Resource:
    def __init__(self, name, suppress):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            log.append("exit " + self.name + " cleanly")
        else:
            log.append("exit " + self.name + " with " + exc_type.__name__ + ": " + str(exc))
        return self.suppress


with Resource("a", False) as r:
    log.append("inside " + r.name)
print(log)

log = []
with Resource("b", True):
    log.append("before error")
    raise ValueError("swallowed")
    log.append("not reached")
log.append("after b")
print(log)

log = []
try:
    with Resource("c", False):
        {}["k"]
except KeyError as e:
    log.append("propagated KeyError " + str(e))
print(log)

log = []
with Resource("outer", False) as o, Resource("inner", False) as i:
    log.append(o.name + "+" + i.name)
print(log)


def early(n):
    with Resource("fn", False):
        if n > 0:
            return "returned " + str(n)
        log.append("no return")
    return "fell through"


log = []
print(early(1), early(0))
print(log)

log = []
for k in range(3):
    with Resource("loop" + str(k), False):
        if k == 1:
            continue
        if k == 2:
            break
        log.append("body " + str(k))
print(log)


class Failing:
    def __enter__(self):
        return None

    def __exit__(self, t, v, tb):
        raise RuntimeError("exit failed")


try:
    with Failing():
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", repr(e.__context__))

try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
