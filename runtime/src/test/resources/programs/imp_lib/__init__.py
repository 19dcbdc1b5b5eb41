"""The package the imp_* corpus programs import (not a program of its own)."""
print("imp_lib body runs as", __name__)
top_value = 10
