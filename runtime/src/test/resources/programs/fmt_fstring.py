# f-strings: conversions, format specs, nested specs, the = form, expressions.
name = "world"
n = 42
pi = 3.14159265
print(f"hello {name}!")
print(f"{name!r} {name!s} {name!a}")
print(f"{n:5d}|{n:<5}|{n:^7}|{n:+}|{n:#x}|{n:08b}")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {pi:.3g} {pi:%}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}]")
print(f"{n=} {pi = :.1f} {name=!s}")
print(f"{n * 2} {[i for i in range(3)]} {len(name)} {'quoted'}")
print(f"{{literal}} {n}{{}}")
print(f"{1234567:,} {1234567:_} {0.5:.0%}")
print(f"{'left':<8}|{'right':>8}|{'mid':*^9}|")
print(f'{"nested quotes"}', f"""{name
}""")
print(f"{None} {True} {[1, 'a']} {(1,)} {{'k': 1}}")
items = {"a": 1}
print(f"{items['a']} {items}")
print("a" f"b{n}" "c")
print(f"{-0.0} {1e20} {1.5e-7} {2**70}")
