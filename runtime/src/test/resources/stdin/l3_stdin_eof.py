# input() at once at the end of an empty input: EOFError, uncaught.
print("before")
input("prompt: ")
