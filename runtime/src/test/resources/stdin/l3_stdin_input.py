# input() with and without a prompt, then EOFError at the end of the input.
name = input("name? ")
print("hello", name)
print(repr(input()))
print(repr(input("")))
try:
    while True:
        print("line:", repr(input(">")))
except EOFError as e:
    print("EOFError:", e)
