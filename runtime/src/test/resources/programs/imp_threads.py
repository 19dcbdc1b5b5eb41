# Four threads import one module at the same moment: its body runs once, and every thread
# gets the same, fully initialised module (the per-module import lock).
import threading
import imp_lib.registry as registry
go = threading.Event()
got = []
lock = threading.Lock()
def worker():
    go.wait()
    import imp_lib.slow as slow
    with lock:
        got.append((slow.done, slow.total))
threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
go.set()
for t in threads:
    t.join()
print("module body ran", registry.runs.count("slow"), "time(s)")
print(len(got), set(got))
