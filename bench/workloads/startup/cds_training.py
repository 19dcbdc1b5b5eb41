# cds_training.py: the launcher's class-data-sharing training run (see ../../../gilectomy,
# "Start-up"). It runs once per build, interpreted (-Xint), and the classes it loads go into the
# AppCDS archive that later starts map. It touches what most programs touch: the parser and
# compiler, functions and classes, containers, strings, floats, exceptions, imports and threads.
import sys
import threading


class Cell:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Cell(%r)" % (self.v,)


def work(out, n):
    d = {}
    for i in range(n):
        d[str(i)] = [Cell(i), i * 2.5, (i, "x"), {i}]
    out.append(len(d))


out = []
threads = [threading.Thread(target=work, args=(out, 40)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
try:
    {}["missing"]
except KeyError:
    pass
print("trained", sum(out), sys.version_info[0], f"{1.5:.2f}", sorted(out))
