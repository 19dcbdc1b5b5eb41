# a.extend(b) in one thread while b.extend(a) in another: a two-object critical section that
# locks both lists in a fixed order, so this never deadlocks in the free-threaded build.
import threading

a = [1, 2, 3]
b = [4, 5]

def work(x, y, n):
    for i in range(n):
        x.extend(y)
        while len(x) > 5:
            x.pop()

ta = threading.Thread(target=work, args=(a, b, 20000))
tb = threading.Thread(target=work, args=(b, a, 20000))
ta.start()
tb.start()
ta.join()
tb.join()
print(len(a), len(b))
