# One thread adds to a set while another keeps intersecting it in place with a superset
# (`s &= universe` removes nothing, so every add must survive).
import threading

N = 20000
universe = set(range(N))
shared = set()
done = threading.Event()

def adder():
    for i in range(N):
        shared.add(i)
    done.set()

def intersecter():
    global shared
    rounds = 0
    while not done.is_set() or rounds == 0:
        shared &= universe
        rounds += 1

threads = [threading.Thread(target=adder), threading.Thread(target=intersecter)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(len(shared), shared == universe)
