def divide(a, b):
    try:
        r = a // b
    except ZeroDivisionError:
        print("division by zero for", a)
        r = None
    else:
        print("ok", a, b)
    finally:
        print("finally", a, b)
    return r


print(divide(7, 2), divide(1, 0))


def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        return "missing " + str(e)


print(lookup({"a": 1}, "a"), lookup({}, "b"))

for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("cleanup", i)

try:
    try:
        [][1]
    except KeyError:
        print("not here")
    print("not here either")
except IndexError as e:
    print("outer caught", type(e).__name__, e)

try:
    int("x")
except (TypeError, ValueError) as e:
    print("tuple caught", e)

try:
    undefined_name
except NameError as e:
    print(e)

try:
    None.foo
except AttributeError as e:
    print(e)

try:
    len(5)
except TypeError as e:
    print(e)

n = 0
while True:
    try:
        n += 1
        if n == 3:
            raise RuntimeError("stop at " + str(n))
    except RuntimeError as e:
        print("loop", e)
        break
print("n", n)
try:
    pass
except Exception:
    print("never")
else:
    print("else ran")
try:
    raise ValueError
except ValueError as e:
    print("bare class", repr(e), e.args, str(e) == "")
print("done")
