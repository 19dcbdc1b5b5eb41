# A module-level function (deferred under nogil) stored by a worker thread in lists that the
# main thread frees: the owner's local count ends below its bias, the shared count above it.
# --check-refs once reported a use after free here at exit.
import threading

board = [None] * 8


def cb(w):
    return w


def worker():
    for i in range(300):
        board[i % 8] = [cb]


th = threading.Thread(target=worker)
th.start()
th.join()
print(sum(1 for b in board if b[0] is cb), cb(5))
