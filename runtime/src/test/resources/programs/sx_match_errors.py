tests = [
 "match x:\n case _ | 1: pass",
 "match x:\n case a | 1: pass",
 "match x:\n case a:pass\n case 1: pass",
 "match x:\n case _:pass\n case 1: pass",
 "match x:\n case [a, a]: pass",
 "match x:\n case a | b: pass",
 "match x:\n case C(a=1, a=2): pass",
 "match x:\n case {1: a, 1: b}: pass",
 "match x:\n case [*a, *b]: pass",
 "match x:\n case f'x': pass",
 "match x:\n case 1 + 1: pass",
 "match x:\n case a.b(): pass\n case C(1, x=2, 3): pass",
 "match x:\n case 1 as _: pass",
 "match x:\n case 1 as a.b: pass",
 "match x:\n case {**_}: pass",
 "match x:\n case {**a, 1: b}: pass",
 "match x:\n case -a: pass",
 "match x:\n case (1 as a) | 2: pass",
 "match x:\n case 1\n  pass",
 "match x:\n case 1:\n pass",
 "match x:\npass",
 "match x:\n case __debug__: pass",
 "match x:\n case {a: 1}: pass",
 "match x:\n case *a: pass",
]
more = [
 "match x:\n case {'a': 1, 'a': 2}: pass",
 "match x:\n case {1: 1, 1.0: 2}: pass",
 "match x:\n case [a, *b, c] | [a, c, *b]: pass",
 "match x:\n case (a | a) : pass",
 "match x:\n case [a, (a | b)]: pass",
 "match x:\n case 1 + 2j: pass",
 "match x:\n case -1 - 2j: pass",
 "match x:\n case 1j + 2: pass",
 "match x:\n case 1.5 + 2: pass",
 "match x:\n case a.b.c | {1: _, **r}: pass",
 "match x, y:\n case 1, 2: pass",
 "match *x, y:\n case 1, 2: pass",
 "match x:\n case 1, *a, 2, *b: pass",
 "match x:\n case A(b, c=d): pass",
 "match x:\n case A(b=c,): pass",
 "match x:\n case _:\n  pass\n case 2: pass",
 "match x:\n case x if x: pass\n case _: pass",
 "match(x)\n",
 "match x:\n  case 1: pass\n  x = 1",
]
for t in tests + more:
    try:
        compile(t, "<s>", "exec")
        print("OK", repr(t))
    except SyntaxError as e:
        print(repr(t), type(e).__name__, e.msg, e.lineno, e.offset)
