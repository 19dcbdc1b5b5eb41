# An uncaught exception group: CPython's nested report (boxes, margins, the
# "and N more exceptions" line after 15), with a cause and the rest of an except*.
def leaf(n):
    raise OSError(n)


def many():
    errors = []
    for i in range(17):
        try:
            leaf(i)
        except OSError as e:
            errors.append(e)
    return errors


try:
    raise ValueError("cause")
except ValueError as c:
    try:
        raise ExceptionGroup("top", [KeyError(1), ExceptionGroup("sub", [TypeError(3)] + many())]) from c
    except* KeyError:
        print("handled the key error")
