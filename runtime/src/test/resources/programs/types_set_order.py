# A deterministic pseudo-random workload of adds, discards and pops on sets of ints:
# the printed orders pin down CPython's table layout (probing, dummies, resizes).
seed = 12345

def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

s = set()
for step in range(400):
    op = rand(10)
    v = rand(200) - 20
    if op < 6:
        s.add(v)
    elif op < 9:
        s.discard(v)
    elif len(s) > 0:
        s.pop()
    if step % 50 == 49:
        print(len(s), list(s))
t = set()
for i in range(64):
    t.add(i * 8)
print(list(t))
for i in range(0, 64, 3):
    t.discard(i * 8)
print(list(t))
for i in range(100):
    t.add(i * 13)
print(list(t))
u = set(list(t))
print(list(u) == list(t), list(u.copy()) == list(t))
