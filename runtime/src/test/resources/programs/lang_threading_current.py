# current_thread() is the same object on every call; main_thread(); a Thread's name, ident,
# daemon and is_alive().
import threading

main = threading.current_thread()
print(main is threading.current_thread(), main is threading.main_thread(), main.name)
print(main.is_alive(), main.daemon, main.ident == threading.get_ident())

seen = {}
lock = threading.Lock()


def work():
    me = threading.current_thread()
    with lock:
        seen[me.name] = (me is threading.current_thread(), me.ident == threading.get_ident(),
                         me is not threading.main_thread(), me.is_alive())


class Worker(threading.Thread):
    def run(self):
        me = threading.current_thread()
        with lock:
            seen[self.name] = (me is self, self.tag)


threads = [threading.Thread(target=work, name="w%d" % i) for i in range(3)]
w = Worker(name="custom")
w.tag = "tagged"
threads.append(w)
print(w.name, w.ident, w.is_alive(), w.daemon)
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(seen):
    print(k, seen[k])
print(all(t.ident is not None for t in threads), [t.is_alive() for t in threads])

t = threading.Thread(target=work)
t.name = "renamed"
t.start()
t.join()
print("renamed" in seen, t.name)
