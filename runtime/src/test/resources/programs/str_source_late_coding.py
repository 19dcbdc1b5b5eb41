print("line 1 is code, so a coding line 2 is not a declaration")
# coding: latin-1
s = "café"
