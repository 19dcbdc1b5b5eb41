# suite/methods.py: single-thread tax, method calls on objects of a small class hierarchy
# (needs classes). Usage: methods.py THREADS N.
import sys


class Shape:
    def __init__(self, size):
        self.size = size

    def area(self):
        return self.size * self.size


class Square(Shape):
    def grow(self, k):
        self.size = self.size + k
        return self


def run(n):
    total = 0
    sq = Square(1)
    i = 0
    while i < n:
        total = total + sq.grow(1).area() % 7
        i = i + 1
    return total


print("methods", sys.argv[2], run(int(sys.argv[2])))
