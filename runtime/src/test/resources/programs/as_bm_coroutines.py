# pyperformance's bm_coroutines body (fibonacci(25) there), with pyperf replaced by a plain loop.
async def fibonacci(n: int) -> int:
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)

def bench_coroutines(loops):
    for _ in range(loops):
        coro = fibonacci(12)
        try:
            while True:
                coro.send(None)
        except StopIteration as e:
            result = e.value
    return result

print(bench_coroutines(1))
