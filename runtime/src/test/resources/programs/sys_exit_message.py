# sys.exit with a message made at run time, in a thread (ignored silently) and in the main
# thread (printed on stderr, status 1). The SystemExit's argument must be released: the
# check-refs run of the corpus once found it leaked.
import sys
import threading


def quit_thread():
    sys.exit("thread " + str(1))


t = threading.Thread(target=quit_thread)
t.start()
t.join()
print("main")
sys.exit("bye " + str(3))
