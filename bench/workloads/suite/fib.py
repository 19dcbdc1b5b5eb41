# suite/fib.py: single-thread tax, recursive calls. Usage: fib.py THREADS N (THREADS ignored).
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib", sys.argv[2], fib(int(sys.argv[2])))
