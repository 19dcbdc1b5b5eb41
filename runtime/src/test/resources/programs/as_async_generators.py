# Async generators: asend/athrow/aclose awaitables and their ends, as CPython 3.11.
async def ag():
    try:
        yield 1
        yield 2
    finally:
        print("fin")
def run(aw):
    try:
        r = aw.send(None)
        return ("yielded", r)
    except StopIteration as e:
        return ("stop", e.value)
    except BaseException as e:
        return (type(e).__name__, str(e))
g = ag()
print(run(g.aclose()))
print(run(g.aclose()))
print(run(g.__anext__()))
print(run(g.athrow(ValueError)))
g = ag()
print(run(g.__anext__()))
print(run(g.athrow(ValueError("x"))))
print(run(g.athrow(ValueError("x"))))
g = ag()
a = g.__anext__()
print(run(a)); print(run(a))
print(run(g.asend(5)))
print(run(g.__anext__()))
print(run(g.__anext__()))
async def ig():
    while True:
        try:
            yield 1
        except GeneratorExit:
            pass
i = ig()
print(run(i.__anext__()))
print(run(i.aclose()))
print(type(g.asend(None)).__name__, type(g.athrow(ValueError)).__name__, type(g.aclose()).__name__)
async def r():
    raise StopAsyncIteration
    yield
print(run(r().__anext__()))
print(run(ag().asend(3)))
# aiter()/anext(), as contextlib's asynccontextmanager uses them.
async def two():
    yield "first"
    yield "second"
it = aiter(two())
print(type(it).__name__, run(anext(it)), run(anext(it)), run(anext(it)))
for bad in (1, two):
    try:
        aiter(bad)
    except TypeError as e:
        print(e)
try:
    anext(1)
except TypeError as e:
    print(e)
class Half:
    def __aiter__(self):
        return 1
try:
    aiter(Half())
except TypeError as e:
    print(e)
