class A:
    __match_args__ = ["x"]
class B:
    __match_args__ = (1,)
class P:
    __match_args__ = ("x", "y")
    def __init__(s, x, y):
        s.x = x
        s.y = y
class Q:
    def __init__(self):
        self.a = 1
class Eq:
    def __eq__(self, other):
        print("eq called with", other)
        return True
class Key:
    v = 1

progs = [
    "match 1:\n case len(): pass",
    "match A():\n case A(1): pass",
    "match B():\n case B(1): pass",
    "match P(1, 2):\n case P(1, 2, 3): pass",
    "match P(1, 2):\n case P(1, x=2): pass",
    "match 1:\n case object(1): pass",
    "match 1:\n case int(1, 2): pass",
    "match {1: 2, 3: 4}:\n case {Key.v: 1, 1: 2}: pass",
    "match Q():\n case Q(b=1): print('no')\n case Q(a=x): print('a is', x)",
    "match 3:\n case int(x): print('int self', x)",
    "match 'abc':\n case str(s): print('str self', s)\n",
    "match 3:\n case Eq.v: pass",
    "match 5:\n case Key.v: print('no')\n case _: print('default')",
    "e = Eq()\nmatch 5:\n case Key.v: print('no')\n case _: print('default')",
    "match Eq():\n case 1: print('eq matched 1')",
    "match [1, 2, 3]:\n case [1, *mid, 3]: print(mid)",
    "match (1, 2, 3, 4, 5):\n case (a, *_, b, c): print(a, b, c)",
    "match {'a': 1, 'b': 2}:\n case {'a': 1, **rest}: print(rest)",
    "match [1, [2, [3, 4]]]:\n case [x, [y, [z, w]]]: print(x + y + z + w)",
    "match 'ab':\n case [a, b]: print('str is a sequence?')\n case _: print('str is not a sequence')",
    "match 42:\n case 40 | 41 | 42 as n: print('or-as', n)",
    "match [1, 2]:\n case [1, 3] | [1, x]: print('second alt', x)",
    "match {'x': [1, {'y': 2}]}:\n case {'x': [_, {'y': v}]}: print('deep', v)",
    "match True:\n case 1: print('True == 1')",
    "match 1:\n case True: print('no')\n case _: print('1 is not True')",
    "match 0.0:\n case -0.0: print('zero float')",
]
for src in progs:
    try:
        exec(src, globals())
    except Exception as e:
        print(type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)
