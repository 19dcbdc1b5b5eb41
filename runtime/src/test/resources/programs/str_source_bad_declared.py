# coding: ascii
# A declared encoding the bytes do not fit: "encoding problem".
print("never printed")
s = "café"
