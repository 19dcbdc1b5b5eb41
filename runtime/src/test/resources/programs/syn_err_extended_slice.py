# An extended slice takes exactly as many items as it selects: uncaught ValueError.
a = [1, 2, 3, 4]
a[::2] = [7, 8]
print(a)
a[::2] = [1, 2, 3]
