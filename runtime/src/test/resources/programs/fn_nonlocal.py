# nonlocal through several levels, and global beside nonlocal.
g = 0

def level1():
    a = 1
    def level2():
        nonlocal a
        a += 10
        def level3():
            nonlocal a
            global g
            a *= 2
            g += 1
            return a
        return level3()
    r = level2()
    return a, r

print(level1(), g)

def fib_memo():
    memo = {}
    def fib(n):
        if n in memo:
            return memo[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r
    return fib

print(fib_memo()(60))

def state_machine():
    state = "idle"
    log = []
    def go(event):
        nonlocal state
        if state == "idle" and event == "start":
            state = "running"
        elif state == "running" and event == "stop":
            state = "idle"
        log.append(state)
    for e in ["start", "noop", "stop", "stop", "start"]:
        go(e)
    return log

print(state_machine())
