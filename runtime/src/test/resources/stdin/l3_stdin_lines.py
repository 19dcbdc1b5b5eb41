# sys.stdin: readline (with a limit), iteration, read, readlines, and the end of input.
import sys
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.readline(3)), repr(sys.stdin.readline()))
n = 0
for line in sys.stdin:
    n += 1
    print(n, repr(line))
    if line.startswith("stop"):
        break
print(repr(sys.stdin.read(4)))
print(sys.stdin.readlines()[:2])
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
print(sys.stdin.readable())
try:
    sys.stdin.write("x")
except OSError as e:
    print(type(e).__name__, e)
try:
    input()
except EOFError as e:
    print("EOFError:", e)
