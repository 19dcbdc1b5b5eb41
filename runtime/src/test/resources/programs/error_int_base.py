print(int("ff", 16))
print(int("12z", 10))
