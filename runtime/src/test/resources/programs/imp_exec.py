# exec, eval, compile, globals, locals, vars, dir.
x = 10
print(eval("x + 1"), eval("x * y", {"y": 3, "x": 2}))
exec("z = x * 2")
print(z)
g = {}
exec("a = 1\nb = a + 1\ndef f(n):\n    return n + b\n", g)
print(g["a"], g["b"], g["f"](40), "__builtins__" in g)
g.clear()  # f and its globals refer to each other: a cycle this runtime cannot collect
code = compile("q = 5 * 5", "<made>", "exec")
exec(code)
print(q, type(code).__name__)
e = compile("x - 1", "<expr>", "eval")
print(eval(e))
for src in ["1 + 1", "None", "'shown'", "if x:\n    x + 5\n"]:
    exec(compile(src, "<single>", "single"))
try:
    compile("1\n2\n", "<single>", "single")
except SyntaxError as err:
    print(err.msg)
print(globals() is globals(), globals()["x"], "x" in locals(), locals() is globals())
def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(f(1))
class C:
    k = 1
    names = sorted(n for n in locals() if not n.startswith("__"))
print(C.names)
class Obj:
    def __init__(self):
        self.p = 1
        self.q = 2
print(vars(Obj()))
import imp_lib.leaf
print(vars(imp_lib.leaf)["value"], sorted(n for n in dir(imp_lib.leaf) if not n.startswith("__")))
print("Obj" in dir(), "p" in dir(Obj()))
try:
    eval("1 +")
except SyntaxError as err:
    print("SyntaxError", err.msg, err.lineno)
try:
    exec("raise KeyError('inside exec')")
except KeyError as err:
    print("KeyError", err)
print(eval("  7"))
