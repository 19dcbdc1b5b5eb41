# Closures shared by threads: a nonlocal counter under a lock, cells read and rebound concurrently.
import threading

def run(nthreads, per_thread):
    count = 0
    latest = "none"
    lock = threading.Lock()
    def work(tid, n):
        nonlocal count, latest
        for i in range(n):
            lock.acquire()
            count += 1
            lock.release()
            latest = f"t{tid}:{i}"
    threads = [threading.Thread(target=work, args=(t, per_thread)) for t in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    suffix = f":{per_thread - 1}"
    return count, latest[-len(suffix):] == suffix

print(run(4, 2000))
results = {}
def make_reporter(key):
    def report(value):
        results[key] = value
    return report
reporters = [make_reporter(f"k{i}") for i in range(3)]
threads = [threading.Thread(target=reporters[i], args=(i * 10,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([(k, results[k]) for k in sorted(results)])
