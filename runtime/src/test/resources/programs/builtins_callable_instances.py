class C:
    def __call__(self): return 1
print(callable(C()), callable(C), callable(3))
