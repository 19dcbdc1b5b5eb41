errors = [ZeroDivisionError, IndexError, KeyError, ValueError, TypeError, NameError, AttributeError,
          RuntimeError, StopIteration, AssertionError, NotImplementedError, RecursionError, OverflowError,
          UnboundLocalError, KeyboardInterrupt, SystemExit, LookupError, ArithmeticError]
for cls in errors:
    print(cls.__name__, issubclass(cls, Exception), issubclass(cls, BaseException),
          issubclass(cls, LookupError), issubclass(cls, ArithmeticError), issubclass(cls, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError))

e = ValueError("bad value", 42)
print(e.args, str(e), repr(e), isinstance(e, Exception), type(e).__name__)
print(repr(KeyError("k")), str(KeyError("k")), str(IndexError("i")), repr(RuntimeError()))
print(str(Exception()), Exception().args, Exception(1, 2).args, str(Exception(1, 2)))


def classify(f):
    try:
        f()
    except ArithmeticError as e:
        return "arith:" + type(e).__name__
    except LookupError as e:
        return "lookup:" + type(e).__name__
    except Exception as e:
        return "other:" + type(e).__name__


def zero():
    return 1 / 0


def index():
    return [1][5]


def key():
    return {}["k"]


def value():
    raise ValueError("v")


def unbound():
    print(x)
    x = 1


print(classify(zero), classify(index), classify(key), classify(value), classify(unbound))

try:
    raise KeyboardInterrupt
except Exception:
    print("wrong: KeyboardInterrupt is not an Exception")
except BaseException as e:
    print("base", type(e).__name__)

try:
    try:
        raise SystemExit(3)
    except Exception:
        print("wrong")
except SystemExit as e:
    print("SystemExit", e.args)
