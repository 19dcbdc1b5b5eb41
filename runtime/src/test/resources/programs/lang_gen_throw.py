# generator.throw() and close(): the exception is raised at the paused yield, so handlers and finally run.
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside", e)
        yield 99
    finally:
        print("finally")
x = g()
print(next(x))
print(x.throw(ValueError("boom")))
x.close()
print("closed")
y = g()
print(next(y))
y.close()
print(list(y))
z = g()
try:
    z.throw(KeyError("k"))
except KeyError as e:
    print("unstarted throw", e)
w = g()
next(w)
try:
    w.throw(TypeError)
except TypeError:
    print("propagated")
def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
