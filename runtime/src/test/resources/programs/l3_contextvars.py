# contextvars (_contextvars in Java): get/set/reset, tokens, copy_context, Context.run,
# the mapping view of a Context, CPython's errors, and one Context per thread.
import contextvars
import threading

v = contextvars.ContextVar("v")
w = contextvars.ContextVar("w", default=5)
print(v.name, w.name, w.get(), w.get(7))
try:
    v.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__, e.args[0] is v)
print(v.get("fallback"))
t = v.set(1)
print(v.get(), t.var is v, t.old_value is contextvars.Token.MISSING, repr(contextvars.Token.MISSING))
t2 = v.set(2)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
try:
    v.reset(t2)
except RuntimeError as e:
    print("RuntimeError", "has already been used once" in str(e))
try:
    w.reset(t)
except ValueError as e:
    print("ValueError", "was created by a different ContextVar" in str(e))
for bad in (lambda: contextvars.ContextVar(1), lambda: v.reset(3), lambda: contextvars.ContextVar("x", 1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

ctx = contextvars.copy_context()
print(ctx[v], v in ctx, w in ctx, len(ctx), ctx.get(w), ctx.get(w, "d"))
print([k is v for k in ctx], [val for val in ctx.values()], [(k.name, x) for k, x in ctx.items()])
try:
    ctx[w]
except KeyError:
    print("KeyError")
try:
    ctx[3]
except TypeError as e:
    print("TypeError", e)


def inside(x, label="in"):
    v.set(x)
    print(label, v.get(), w.get())
    return x * 2


print(ctx.run(inside, 10, label="run"), v.get(), ctx[v])
t3 = ctx.run(v.set, 11)
try:
    v.reset(t3)
except ValueError as e:
    print("ValueError", "was created in a different Context" in str(e))


def reenter():
    ctx.run(print, "nested")


try:
    ctx.run(reenter)
except RuntimeError as e:
    print("RuntimeError", "cannot enter context" in str(e))

empty = contextvars.Context()
print(len(empty), empty.run(v.get, "none here"))
results = []


def worker(n):
    results.append((n, v.get(-1)))
    v.set(n)
    results.append((n, v.get()))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(sorted(results), v.get())
