# One thread appends, another extends the same list with +=: both are
# mutations of the list under its lock, so none is lost, in every build.
import threading

N = 20000
shared = []

def appender():
    for i in range(N):
        shared.append(i)

def extender():
    global shared
    for i in range(N):
        shared += [i]

threads = [threading.Thread(target=appender), threading.Thread(target=extender)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(len(shared))
print(sum(shared) == 2 * sum(range(N)))
