# A file that is not UTF-8, with no PEP 263 declaration: CPython refuses it with a SyntaxError
# before running anything (exit status 1), naming the first bad byte and its line.
print("never printed")
s = "café"
print(s)
