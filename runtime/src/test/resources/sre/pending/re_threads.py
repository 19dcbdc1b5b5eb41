# One compiled re pattern shared by 4 threads: each gets exactly what one thread alone gets.
import re
import threading

P = re.compile(r'(?P<k>[a-z]+)=(?P<v>\d+)')
texts = ['a=1 b=22 ' * (i + 1) + 'end' for i in range(4)]


def work(t):
    return (P.findall(t), [m.span() for m in P.finditer(t)], P.sub(r'\g<v>=\g<k>', t), P.split(t, 2))


expected = [work(t) for t in texts]
ok = [True] * 4


def run(i):
    for _ in range(30):
        if work(texts[i]) != expected[i]:
            ok[i] = False


threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(ok, expected[0][2])
