import sys


def inner(x):
    return 10 // x


def outer(x):
    y = x + 1
    return inner(x)


try:
    outer(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(type(tb).__name__, type(tb.tb_frame).__name__)
    entries = []
    while tb is not None:
        f = tb.tb_frame
        entries.append((f.f_code.co_name, tb.tb_lineno, f.f_lineno, tb.tb_lasti >= 0))
        tb = tb.tb_next
    print(entries)
    t, v, tb2 = sys.exc_info()
    print(t is ZeroDivisionError, v is e, tb2 is e.__traceback__)
    print(e.__traceback__.tb_frame is sys._getframe())
    print(e.__traceback__.tb_frame.f_globals is globals())
    print(e.__traceback__.tb_frame.f_back)
    print(e.__traceback__.tb_next.tb_frame.f_back is sys._getframe())

print(sys.exc_info())


def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno, sorted(f.f_locals)


def caller():
    a = 1
    b = [2]
    return where()


print(caller())
print(sys._getframe().f_code.co_name, sys._getframe().f_lineno)
print(sys._getframe() is sys._getframe())
print(sys._getframe(0).f_back)
print(sys._getframe().f_builtins is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else True)
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError", e)


def chain():
    fr = sys._getframe()
    return fr.f_back.f_code.co_name


def via():
    return chain()


print(via())

# with_traceback and re-raise keep and extend the chain
def raiser():
    raise KeyError("k")


try:
    raiser()
except KeyError as e:
    saved = e.__traceback__

try:
    raise ValueError("v").with_traceback(saved)
except ValueError as e:
    names = []
    tb = e.__traceback__
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

e = RuntimeError("x")
print(e.__traceback__)
e.__traceback__ = saved
print(e.__traceback__ is saved)
e.__traceback__ = None
print(e.__traceback__)
try:
    e.__traceback__ = 5
except TypeError as t:
    print("TypeError", t)
try:
    saved.tb_next = 5
except TypeError as t:
    print("TypeError", t)
try:
    saved.tb_next = saved
except ValueError as t:
    print("ValueError", t)


def gen():
    yield sys._getframe().f_code.co_name


print(list(gen()))
print(repr(sys._getframe()).startswith("<frame at 0x"), repr(saved).startswith("<traceback object at 0x"))
