import threading
r = threading.RLock()
r.acquire()
r.release()
print("released once")
r.release()
