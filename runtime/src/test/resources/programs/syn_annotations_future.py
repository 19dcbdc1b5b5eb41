# from __future__ import annotations (PEP 563): every annotation is kept as its source text,
# as CPython writes it back (precedence, parentheses, string reprs).
from __future__ import annotations
def f(a: list[int], b: 'x' = 1, *c: Dict[str, int] | None) -> -1 + 2 * (3 - 4) ** 5:
    pass
print(f.__annotations__)
x: tuple[int, ...] = ()
y: (int, str)
z: a.b.c[1:2, ::3]
w: f(1, k=2) and not g or h
print(__annotations__)
class K:
    m: K
print(K.__annotations__)
