import threading

def bad():
    return 1 // 0

t = threading.Thread(target=bad)
t.start()
t.join()
print('main goes on')
