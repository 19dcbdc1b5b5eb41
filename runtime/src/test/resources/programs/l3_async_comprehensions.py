# Asynchronous comprehensions and generator expressions, driven by hand (no event loop):
# async for and await inside list, set and dict comprehensions, nested ones, errors.
class Tick:
    def __await__(self):
        return (yield "tick")


def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value


class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Tick()
        return self.i - 1


async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10


async def double(x):
    await Tick()
    return 2 * x


class Boom:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise ValueError("boom")


async def main():
    print([x async for x in ARange(4)])
    print({x % 3 async for x in agen(5)})
    print({x: x * x async for x in ARange(3)})
    print([x async for x in agen(6) if x % 20 == 0])
    print([await double(x) for x in range(4)])
    print([await double(x) for x in range(5) if await double(x) > 4])
    print([(x, y) async for x in ARange(2) for y in range(2)])
    print([(x, y) for x in range(2) async for y in agen(2)])
    print([[y async for y in agen(x)] for x in range(3)])
    g = (x + 1 async for x in ARange(3))
    print(type(g).__name__, [v async for v in g])
    h = (await double(x) for x in range(3))
    print(type(h).__name__, [v async for v in h])
    try:
        [x async for x in Boom()]
    except ValueError as e:
        print("ValueError", e)
    try:
        plain = [1, 2]
        [x async for x in plain]
    except TypeError as e:
        print("TypeError", e)
    total = 0
    async for v in (x async for x in agen(4)):
        total += v
    print(total)


def sync_genexp():
    return (await double(x) for x in range(2))


print(type(sync_genexp()).__name__)
run(main())
