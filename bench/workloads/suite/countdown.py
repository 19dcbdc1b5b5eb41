# suite/countdown.py: single-thread tax, a tight integer loop. Usage: countdown.py THREADS N.
import sys


def count(n):
    while n > 0:
        n -= 1
    return n


print("countdown", sys.argv[2], count(int(sys.argv[2])))
