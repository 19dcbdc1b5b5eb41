# _signal for SIGINT: the default handler, a Python handler run on the main thread at its next
# check (after _thread.interrupt_main() or raise_signal), SIG_IGN, and CPython's errors.
import _signal
import _thread
import threading

print(_signal.SIGINT, _signal.SIGTERM, _signal.SIG_DFL, _signal.SIG_IGN, _signal.NSIG)
print(_signal.getsignal(_signal.SIGINT) is _signal.default_int_handler)
print(_signal.getsignal(_signal.SIGTERM), _signal.getsignal(_signal.SIGPIPE))
try:
    _signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raised KeyboardInterrupt")

seen = []


def handler(signum, frame):
    seen.append(signum)


old = _signal.signal(_signal.SIGINT, handler)
print(old is _signal.default_int_handler, _signal.getsignal(_signal.SIGINT) is handler)
_signal.raise_signal(_signal.SIGINT)
print("after raise_signal", seen)
_thread.interrupt_main()
for _ in range(3):
    pass
print("after interrupt_main", seen)

_signal.signal(_signal.SIGINT, _signal.SIG_IGN)
_signal.raise_signal(_signal.SIGINT)
_thread.interrupt_main()
for _ in range(3):
    pass
print("ignored", seen, _signal.getsignal(_signal.SIGINT))


def angry(signum, frame):
    raise ValueError("from the handler %d" % signum)


_signal.signal(_signal.SIGINT, angry)
try:
    _signal.raise_signal(_signal.SIGINT)
except ValueError as e:
    print("ValueError", e)

_signal.signal(_signal.SIGINT, _signal.default_int_handler)
try:
    _thread.interrupt_main()
    for _ in range(3):
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt after interrupt_main")

for args in ((_signal.SIGINT, 5), (99, handler), (0, handler), (_signal.SIGKILL, handler)):
    try:
        _signal.signal(*args)
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)

errors = []


def in_thread():
    try:
        _signal.signal(_signal.SIGINT, handler)
    except ValueError as e:
        errors.append(str(e))


t = threading.Thread(target=in_thread)
t.start()
t.join()
print(errors)
