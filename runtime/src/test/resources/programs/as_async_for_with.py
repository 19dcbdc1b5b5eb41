# async for and async with inside coroutines, driven by hand (no event loop).
class Tick:
    def __await__(self):
        return (yield "tick")

class Ctx:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        await Tick()
        print("enter", self.name)
        return self.name.upper()
    async def __aexit__(self, typ, val, tb):
        await Tick()
        print("exit", self.name, typ.__name__ if typ else None)
        return self.suppress

class Counter:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Tick()
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10

async def main():
    out = []
    async with Ctx("a") as a:
        out.append(a)
    async with Ctx("b", suppress=True):
        raise ValueError("swallowed")
    try:
        async with Ctx("c"):
            raise KeyError("kept")
    except KeyError as e:
        out.append(repr(e))
    async for x in Counter(3):
        out.append(x)
    else:
        out.append("else")
    async for y in agen(4):
        if y == 20:
            break
        out.append(y)
    async for z in agen(0):
        out.append(z)
    else:
        out.append("empty else")
    for i in range(2):
        async with Ctx("loop%d" % i):
            if i == 0:
                continue
            break
    return out

def drive(c):
    ticks = 0
    while True:
        try:
            assert c.send(None) == "tick"
            ticks += 1
        except StopIteration as e:
            return ticks, e.value

print(drive(main()))

async def returns_inside():
    async with Ctx("r"):
        return "from inside"
print(drive(returns_inside()))

async def errors():
    for bad in [1, Counter]:
        try:
            async for _ in bad:
                pass
        except TypeError as e:
            print(e)
    try:
        async with 1:
            pass
    except TypeError as e:
        print(e)
    class BadEnter:
        def __aenter__(self):
            return 1
        def __aexit__(self, *a):
            return 1
    try:
        async with BadEnter():
            pass
    except TypeError as e:
        print(e)
    class BadNext:
        def __aiter__(self):
            return self
        def __anext__(self):
            return 5
    try:
        async for _ in BadNext():
            pass
    except TypeError as e:
        print(e)
print(drive(errors()))

async def raising_gen():
    yield 1
    raise ValueError("in gen")
async def consume():
    got = []
    try:
        async for v in raising_gen():
            got.append(v)
    except ValueError as e:
        got.append(str(e))
    return got
print(drive(consume()))
for src in ["def f():\n    async for x in y: pass", "def f():\n    async with x: pass",
            "async def f():\n    yield 1\n    return 2"]:
    try:
        compile(src, "s.py", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
