def returns_in_finally(n):
    try:
        if n == 0:
            return "try"
        raise ValueError(n)
    except ValueError:
        return "except"
    finally:
        print("finally for", n)


print(returns_in_finally(0), returns_in_finally(1))


def nested_finally():
    out = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    continue
                out.append("body" + str(i))
            finally:
                out.append("inner" + str(i))
        finally:
            out.append("outer" + str(i))
    return out


print(nested_finally())


def handler_return():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            raise IndexError("i")
        except IndexError:
            return "inner handler"


print(handler_return())


def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    try:
        deep(n - 1)
    finally:
        print("unwinding", n)


try:
    deep(3)
except RuntimeError as e:
    print("caught", e)


def loop_with_handlers():
    results = []
    for item in [1, "x", 0, 5]:
        try:
            results.append(10 // item)
        except ZeroDivisionError:
            results.append("zero")
            continue
        except TypeError:
            results.append("type")
            break
        finally:
            results.append("f")
    return results


print(loop_with_handlers())
count = 0
while count < 5:
    try:
        count += 1
        if count == 2:
            raise ValueError("two")
    except ValueError:
        continue
    else:
        if count == 4:
            break
print("count", count)


def finally_overrides():
    try:
        return 1
    finally:
        print("finally before return value used")


print(finally_overrides())
