import threading

shared = []

def worker(tag, n):
    for i in range(n):
        shared.append(i)

threads = []
for t in range(4):
    th = threading.Thread(target=worker, args=(t, 20000))
    threads.append(th)
for th in threads:
    th.start()
for th in threads:
    th.join()
print(len(shared))
print(sum(shared) == 4 * sum(range(20000)))
