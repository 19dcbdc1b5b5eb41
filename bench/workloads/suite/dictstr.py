# suite/dictstr.py: single-thread tax, dict updates keyed by strings built by concatenation.
# Usage: dictstr.py THREADS N.
import sys


def run(n):
    words = {}
    i = 0
    while i < n:
        key = "k" + str(i % 500)
        words[key] = words.get(key, 0) + len(key)
        i = i + 1
    total = 0
    for k in words:
        total = total + words[k]
    return total


print("dictstr", sys.argv[2], run(int(sys.argv[2])))
