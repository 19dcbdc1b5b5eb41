import sys

def show(label, e):
    print(label, type(e).__name__, repr(e))

# a plain exception matched by except*: wrapped in a group
try:
    raise ValueError(1)
except* ValueError as e:
    show("plain", e)
    print(e.exceptions, sys.exc_info()[1] is e)

# a group split across clauses
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
except* ValueError as e:
    show("v", e)
except* (TypeError, KeyError) as e:
    show("tk", e)

# unmatched parts propagate, in the group's shape
try:
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), OSError(3)])])
    except* TypeError as e:
        show("t", e)
except ExceptionGroup as rest:
    show("rest", rest)

# a bare raise in a clause re-raises its part with the rest
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except ExceptionGroup as r:
    show("reraise", r)

# a new exception raised in a clause: grouped with what is re-raised
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as r:
    show("new", r)
    print(type(r.exceptions[0].__context__).__name__, r.exceptions[0].__context__)

# raise e: counts as a new exception
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise e
except ExceptionGroup as r:
    show("raise e", r)

# a plain exception re-raised from except*: the wrapping group leaves
try:
    try:
        raise ValueError(7)
    except* ValueError:
        raise
except ExceptionGroup as r:
    show("plain reraise", r)

# only one new exception: it leaves alone
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise KeyError(9)
except KeyError as k:
    show("single", k)

# nothing matches: the same object leaves
g = ExceptionGroup("same", [OSError(1)])
try:
    try:
        raise g
    except* ValueError:
        print("not reached")
except ExceptionGroup as r:
    print("same object:", r is g)

# else and finally
try:
    pass
except* ValueError:
    print("no")
else:
    print("else ran")
finally:
    print("finally ran")

def f():
    try:
        raise ExceptionGroup("x", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        for x in e.exceptions:
            if x.args[0] == 1:
                continue
            print("loop in clause", x)
    return "done"
print(f())

# bad types in except*
for t in (ExceptionGroup, (ValueError, BaseExceptionGroup), int):
    try:
        try:
            raise ValueError(1)
        except* t:
            pass
    except TypeError as e:
        print("TypeError:", e)

# BaseException in a group
try:
    raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(2)])
except* KeyboardInterrupt as e:
    show("ki", e)
except* ValueError as e:
    show("val", e)
print(sys.exc_info())
