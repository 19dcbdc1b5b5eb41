def inner():
    raise ValueError("inner problem")


def middle():
    try:
        inner()
    except ValueError:
        print("middle saw it, re-raising")
        raise


try:
    middle()
except ValueError as e:
    print("outer got", e)


def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError("cannot convert " + s) from e


try:
    convert("abc")
except TypeError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__, "| suppress:", e.__suppress_context__)


def during():
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("while handling")


try:
    during()
except RuntimeError as e:
    print(e, "| context:", repr(e.__context__), "| cause:", e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden context") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)


def handled_then_clean():
    try:
        raise KeyError("a")
    except KeyError:
        pass
    try:
        raise IndexError("b")
    except IndexError as e:
        return e.__context__


print(handled_then_clean())
saved = None
try:
    raise ValueError("saved")
except ValueError as e:
    saved = e
print(repr(saved))
try:
    e
except NameError as ne:
    print("NameError:", ne)
