# One compiled pattern used by 4 threads at once: each thread's findall, finditer, sub and
# split must give exactly what the main thread computed alone (a match's state is per call,
# never shared). The pattern is compiled with _sre directly, from the code list CPython 3.11's
# re/_compiler.py makes for '(?P<name>[a-z]+)(\\d+)|(?P<sep>[,;])'.
import _sre
import threading

P = _sre.compile('(?P<name>[a-z]+)(\\d+)|(?P<sep>[,;])', 32, [14, 4, 0, 1, 4294967295, 7, 32, 17, 0, 24, 10, 1, 4294967295, 13, 5, 22, 97, 122, 0, 1, 17, 1, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 3, 15, 16, 14, 17, 4, 13, 6, 16, 44, 16, 59, 0, 17, 5, 15, 2, 0, 1], 3, {'name': 1, 'sep': 3}, (None, 'name', None, 'sep'))


def work(text):
    found = P.findall(text)
    spans = [(m.span(), m.lastindex, m.lastgroup) for m in P.finditer(text)]
    swapped = P.sub(lambda m: m.group(2) + m.group(1) if m.group(1) else '|', text)
    return found, spans, swapped, P.split(text, 3)


texts = ["ab12,cd345;efg6" * (k + 1) + "x" * k for k in range(4)]
expected = [work(t) for t in texts]
results = [[] for _ in texts]


def run(i):
    for _ in range(30):
        results[i].append(work(texts[i]))


threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i, t in enumerate(texts):
    print(i, all(r == expected[i] for r in results[i]), len(results[i]))
print(expected[1][0][:4])
print(expected[2][1][:3])
print(expected[3][2])
print(expected[0][3])
