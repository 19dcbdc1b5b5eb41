package org.gilectomy.runtime.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates snippets: short, self-contained sequences of Python statements over the built-in
 * types (assignments, prints, in-place operators, container mutations, loops, if, try/except,
 * small functions, closures, generators and classes). A snippet only reads variables it bound
 * itself (unconditionally, at its top level), so snippets can run one after the other in one
 * program, or alone.
 *
 * <p>The same seed always gives the same snippets. Constructs that show a {@link KnownDifference}
 * in the avoid set are not generated.
 */
public final class ProgramGenerator {
    private static final String[] EXCEPTIONS = {"ValueError", "TypeError", "KeyError", "IndexError", "ZeroDivisionError", "RuntimeError"};

    private final Exprs x;
    private int names;

    public ProgramGenerator(long seed, Set<KnownDifference> avoid) {
        this.x = new Exprs(new SplittableRandom(seed), avoid);
    }

    /** The next snippet: its top-level statements (a statement may span several lines). */
    public List<String> snippet() {
        x.vars = new LinkedHashMap<>();
        names = 0;
        int n = x.between(2, 7);
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statements.add(statement(0));
        }
        return statements;
    }

    private String fresh(String prefix) {
        return prefix + (names++);
    }

    private static String indent(String block) {
        return "    " + block.replace("\n", "\n    ");
    }

    /** Statements run inside a block: the variables they bind are not visible after it. */
    private String block(int nest, int count) {
        Map<String, Ty> saved = new LinkedHashMap<>(x.vars);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(i > 0 ? "\n" : "").append(indent(statement(nest + 1)));
        }
        x.vars = saved;
        return sb.toString();
    }

    private String statement(int nest) {
        int k = x.rnd.nextInt(100);
        if (x.vars.isEmpty() || k < 22) {
            return assign(nest);
        }
        if (k < 40) {
            return print(x.anyType());
        }
        if (k < 48) {
            return augmented();
        }
        if (k < 60) {
            return mutation();
        }
        if (nest < 2 && k < 65) {
            return forLoop(nest);
        }
        if (nest < 2 && k < 68) {
            return whileLoop(nest);
        }
        if (nest < 2 && k < 73) {
            return ifStatement(nest);
        }
        if (nest < 2 && k < 79) {
            return tryStatement(nest);
        }
        if (nest == 0 && k < 87) {
            return function();
        }
        if (nest == 0 && k < 93) {
            return classes();
        }
        if (k < 97) {
            return unpacking(nest);
        }
        String gone = x.pick(new ArrayList<>(x.vars.keySet()));
        x.vars.remove(gone);
        return "del " + gone;
    }

    /** Prints a value: through fz_show where float reprs or set orders are avoided (see {@link FuzzProgram}). */
    String print(Ty t) {
        return show(x.expr(t, 3), t);
    }

    private String show(String e, Ty t) {
        if (x.showThrough(t)) {
            return "print(fz_show(" + e + "))";
        }
        return x.chance(50) ? "print(" + e + ")" : "print(repr(" + e + "))";
    }

    private String assign(int nest) {
        Ty t = x.anyType();
        String name = x.var(t);
        if (name == null || x.chance(40)) {
            name = fresh("v");
        }
        String e = x.expr(t, 3);
        x.vars.put(name, t); // after the expression: it may not read the name it binds
        if (nest == 0 && x.chance(30)) {
            return name + " = " + e + "\n" + show(name, t);
        }
        return name + " = " + e;
    }

    private String augmented() {
        String name = x.pick(new ArrayList<>(x.vars.keySet()));
        Ty t = x.vars.get(name);
        boolean inPlaceOk = !x.avoiding(KnownDifference.INPLACE_MUTABLE);
        String op;
        String rhs;
        switch (t) {
            case INT -> {
                op = x.pick(new String[] {"+=", "-=", "*=", "//=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**="});
                rhs = op.equals("<<=") || op.equals(">>=") || op.equals("**=") ? Integer.toString(x.between(0, 5)) : x.expr(Ty.INT, 2);
            }
            case FLOAT -> {
                op = x.pick(new String[] {"+=", "-=", "*=", "/=", "//=", "%="});
                rhs = x.expr(x.chance(50) ? Ty.INT : Ty.FLOAT, 2);
            }
            case STR -> {
                op = x.chance(70) ? "+=" : "*=";
                rhs = op.equals("+=") ? x.expr(Ty.STR, 2) : x.small();
            }
            case TUPLE -> {
                op = "+=";
                rhs = x.expr(Ty.TUPLE, 2);
            }
            case LIST -> {
                if (!inPlaceOk) {
                    return name + ".extend(" + x.stored(Ty.LIST, 2) + ")";
                }
                op = x.chance(70) ? "+=" : "*=";
                rhs = op.equals("+=") ? x.expr(Ty.LIST, 2) : x.small();
            }
            case SET -> {
                if (!inPlaceOk) {
                    return name + ".update(" + x.expr(Ty.SET, 2) + ")";
                }
                op = x.pick(new String[] {"|=", "&=", "-=", "^="});
                rhs = x.expr(Ty.SET, 2);
            }
            case DICT -> {
                if (!inPlaceOk) {
                    return name + ".update(" + x.stored(Ty.DICT, 2) + ")";
                }
                op = "|=";
                rhs = x.expr(Ty.DICT, 2);
            }
            default -> {
                op = "+=";
                rhs = x.expr(Ty.INT, 1);
            }
        }
        if (t == Ty.LIST && inPlaceOk && x.chance(40)) {
            String alias = fresh("v");
            return alias + " = " + name + "\n" + name + " " + op + " " + rhs + "\n" + show(alias, Ty.LIST);
        }
        return name + " " + op + " " + rhs;
    }

    private String mutation() {
        Ty t = x.pick(new Ty[] {Ty.LIST, Ty.LIST, Ty.DICT, Ty.SET});
        String name = x.var(t);
        if (name == null) {
            return print(t);
        }
        String v = x.stored(x.anyType(), 2);
        String ix = x.expr(Ty.INT, 1);
        String call = switch (t) {
            case LIST -> x.pick(new String[] {
                name + ".append(" + v + ")",
                name + ".extend(" + x.stored(x.chance(50) ? Ty.LIST : Ty.STR, 2) + ")",
                name + ".insert(" + ix + ", " + v + ")",
                "print(" + name + ".pop())",
                name + ".pop(" + ix + ")",
                name + ".remove(" + v + ")",
                name + ".sort(" + (x.chance(50) ? "key=" + x.pick(new String[] {"str", "repr", "lambda e: (type(e).__name__, str(e))"}) : "") + ")",
                name + ".reverse()",
                name + ".clear()",
                name + "[" + ix + "] = " + v,
                "del " + name + "[" + ix + "]",
                name + x.slice(0) + " = " + x.stored(Ty.LIST, 2),
                "del " + name + x.slice(0),
                "print(" + name + ".index(" + v + "))",
                name + "[" + ix + "] += " + x.stored(Ty.INT, 1)});
            case DICT -> {
                String k = x.key(1);
                yield x.pick(new String[] {
                    name + "[" + k + "] = " + v,
                    "del " + name + "[" + k + "]",
                    name + ".update(" + x.stored(Ty.DICT, 2) + ")",
                    show(name + ".pop(" + k + (x.chance(50) ? ", " + v : "") + ")", Ty.ANY),
                    show(name + ".setdefault(" + k + ", " + v + ")", Ty.ANY),
                    show(name + ".popitem()", Ty.ANY),
                    name + ".clear()",
                    show(name + ".get(" + k + ")", Ty.ANY),
                    name + "[" + k + "] = " + name + ".get(" + k + ", 0) + 1"});
            }
            default -> {
                String n = x.expr(Ty.INT, 1);
                yield x.pick(new String[] {
                    name + ".add(" + n + ")",
                    name + ".discard(" + n + ")",
                    name + ".remove(" + n + ")",
                    name + ".update(" + x.intList(1) + ")",
                    x.avoiding(KnownDifference.SET_ORDER) ? name + ".discard(" + n + ")" : "print(" + name + ".pop())",
                    name + ".clear()",
                    name + "." + x.pick(new String[] {"intersection_update", "difference_update", "symmetric_difference_update"}) + "(" + x.expr(Ty.SET, 1) + ")"});
            }
        };
        return x.chance(50) ? call + "\n" + show(name, t) : call;
    }

    private String forLoop(int nest) {
        String acc = fresh("acc");
        String it = fresh("e");
        String iterable;
        Ty et;
        switch (x.rnd.nextInt(5)) {
            case 0 -> {
                iterable = "range(" + x.between(-2, 2) + ", " + x.between(0, 7) + ")";
                et = Ty.INT;
            }
            case 1 -> {
                iterable = x.intList(1);
                et = Ty.INT;
            }
            case 2 -> {
                iterable = x.expr(Ty.STR, 2);
                et = Ty.STR;
            }
            case 3 -> {
                iterable = x.ordered(x.expr(Ty.SET, 2));
                et = Ty.ANY;
            }
            default -> {
                iterable = x.expr(x.chance(50) ? Ty.LIST : Ty.DICT, 2);
                et = Ty.ANY;
            }
        }
        String head = acc + " = []\nfor " + it + " in " + iterable + ":";
        Map<String, Ty> saved = new LinkedHashMap<>(x.vars);
        // The body may not mutate a container: it could be the one being iterated (a list that
        // grows forever; a dict changed during iteration is a known difference of its own).
        x.vars.values().removeIf(Ty::container);
        x.vars.put(it, et);
        StringBuilder body = new StringBuilder(indent(acc + ".append(" + it + ")"));
        if (x.chance(40)) {
            body.append('\n').append(indent("if " + x.expr(Ty.BOOL, 1) + ":\n    " + (x.chance(50) ? "break" : "continue")));
        }
        body.append('\n').append(block(nest, x.between(1, 2)));
        x.vars = saved;
        String tail = x.chance(25) ? "\nelse:\n" + indent("print('for-else')") : "";
        x.vars.put(acc, Ty.LIST);
        return head + "\n" + body + tail + "\n" + show(acc, Ty.LIST);
    }

    private String whileLoop(int nest) {
        String i = fresh("n");
        String head = i + " = 0\nwhile " + i + " < " + x.between(0, 5) + ":\n" + indent(i + " += 1");
        x.vars.put(i, Ty.INT);
        return head + "\n" + block(nest, x.between(1, 3)) + "\nprint(" + i + ")";
    }

    private String ifStatement(int nest) {
        StringBuilder sb = new StringBuilder("if " + x.expr(Ty.BOOL, 2) + ":\n" + block(nest, x.between(1, 2)));
        if (x.chance(40)) {
            sb.append("\nelif ").append(x.expr(Ty.BOOL, 2)).append(":\n").append(block(nest, 1));
        }
        if (x.chance(50)) {
            sb.append("\nelse:\n").append(block(nest, x.between(1, 2)));
        }
        return sb.toString();
    }

    private String tryStatement(int nest) {
        StringBuilder sb = new StringBuilder("try:\n").append(block(nest, x.between(1, 3)));
        if (x.chance(40)) {
            sb.append('\n').append(indent("raise " + x.pick(EXCEPTIONS) + "(" + x.expr(Ty.STR, 1) + ")"));
        }
        int handlers = x.between(1, 2);
        for (int h = 0; h < handlers; h++) {
            String caught = x.chance(30) ? "(" + x.pick(EXCEPTIONS) + ", " + x.pick(EXCEPTIONS) + ")"
                    : x.pick(new String[] {"ValueError", "TypeError", "LookupError", "ArithmeticError", "Exception", "KeyError", "IndexError"});
            sb.append("\nexcept ").append(caught).append(" as err:\n")
              .append(indent("print('caught', type(err).__name__" + (x.chance(50) ? ", err.args[:1] == ()" : "") + ")"));
        }
        if (x.chance(30)) {
            sb.append("\nelse:\n").append(indent("print('no exception')"));
        }
        if (x.chance(40)) {
            sb.append("\nfinally:\n").append(indent("print('finally')"));
        }
        return sb.toString();
    }

    private String function() {
        String f = fresh("f");
        return switch (x.rnd.nextInt(7)) {
            case 0, 1 -> plainFunction(f);
            case 2 -> "def " + f + "(n):\n    return 1 if n <= 1 else n * " + f + "(n - 1)\nprint(" + f + "(" + x.between(0, 25) + "))";
            case 3 -> "def " + f + "():\n    count = " + x.between(0, 3) + "\n    def step(k=1):\n        nonlocal count\n        count += k\n        return count\n    return step\n"
                    + "s" + f + " = " + f + "()\ns" + f + "()\nprint(s" + f + "(" + x.expr(Ty.INT, 1) + "), s" + f + "())";
            case 4 -> "def " + f + "(n):\n    for i in range(n):\n        if i == " + x.between(0, 4) + ":\n            return\n        yield i * " + x.between(-2, 3) + "\n"
                    + "g" + f + " = " + f + "(" + x.between(0, 6) + ")\nprint(next(g" + f + ", 'done'), list(g" + f + "), next(g" + f + ", 'done'))";
            case 5 -> "def " + f + "(*args, sep='-', **kw):\n    return sep.join(str(a) for a in args) + str(sorted(kw.items()))\nprint("
                    + f + "(" + x.expr(Ty.INT, 1) + ", " + x.expr(Ty.STR, 1) + (x.chance(50) ? ", sep=" + x.expr(Ty.STR, 1) : "") + ", z=" + x.expr(Ty.INT, 1) + ", a=" + x.expr(Ty.STR, 1) + "))";
            default -> "def " + f + "(a, *, b=" + x.between(0, 3) + "):\n    return [a] * b\nprint(" + f + "(" + x.expr(Ty.STR, 1) + (x.chance(50) ? ", b=" + x.between(0, 3) : "") + "))";
        };
    }

    /** A function of typed parameters whose body is generated statements; called, its result printed. */
    private String plainFunction(String f) {
        Ty ta = x.anyType();
        Ty tb = x.anyType();
        Ty tr = x.anyType();
        String defaultB = x.literal(tb);
        Map<String, Ty> outer = x.vars;
        x.vars = new LinkedHashMap<>();
        x.vars.put("a", ta);
        x.vars.put("b", tb);
        StringBuilder body = new StringBuilder();
        for (int i = x.between(0, 3); i > 0; i--) {
            body.append(indent(statement(1))).append('\n');
        }
        body.append(indent("return " + x.expr(tr, 2)));
        x.vars = outer;
        String call = f + "(" + x.expr(ta, 2) + (x.chance(50) ? ", " + x.expr(tb, 2) : "") + ")";
        return "def " + f + "(a, b=" + defaultB + "):\n" + body + "\n" + show(call, tr);
    }

    /** A class with an initialiser, a method, a repr, comparison dunders, and maybe a subclass. */
    private String classes() {
        String c = "C" + (names++);
        String k = Integer.toString(x.between(-3, 9));
        StringBuilder sb = new StringBuilder("class " + c + ":\n    k = " + k + "\n"
                + "    def __init__(self, a, b=" + x.literal(Ty.STR) + "):\n        self.a = a\n        self.b = b\n"
                + "    def m(self, y):\n        return self.a * y + self.k\n"
                + "    def __repr__(self):\n        return f'" + c + "({self.a!r}, {self.b!r})'\n");
        boolean eq = x.chance(50);
        if (eq) {
            sb.append("    def __eq__(self, other):\n        return isinstance(other, " + c + ") and self.a == other.a\n");
        }
        boolean hashable = eq && !x.avoiding(KnownDifference.USER_HASH_EQ);
        if (hashable) {
            sb.append("    def __hash__(self):\n        return hash(self.a)\n");
        }
        if (x.chance(50)) {
            sb.append("    def __lt__(self, other):\n        return self.a < other.a\n");
        }
        if (x.chance(50)) {
            sb.append("    @property\n    def p(self):\n        return self.a + len(self.b)\n");
        }
        if (x.chance(40)) {
            sb.append("    def __add__(self, other):\n        return " + c + "(self.a + other.a, self.b)\n");
        }
        if (x.chance(30)) {
            sb.append("    def __len__(self):\n        return len(self.b)\n");
        }
        String sub = c + "s";
        if (x.chance(50)) {
            sb.append("class " + sub + "(" + c + "):\n    def m(self, y):\n        return super().m(y) - 1\n");
        } else {
            sub = c;
        }
        String o1 = "o" + c;
        sb.append(o1 + " = " + sub + "(" + x.expr(Ty.INT, 1) + ")\n");
        sb.append("o2" + c + " = " + c + "(" + x.expr(Ty.INT, 1) + ", " + x.expr(Ty.STR, 1) + ")\n");
        List<String> uses = List.of(
                "print(" + o1 + ", " + o1 + ".m(" + x.expr(Ty.INT, 1) + "), " + o1 + ".k)",
                "print(" + o1 + " == o2" + c + ", " + o1 + " != o2" + c + ", " + o1 + " in [o2" + c + "])",
                "print(sorted([o2" + c + ", " + o1 + ", " + c + "(" + x.between(-2, 5) + ")]))",
                "print(" + o1 + ".p if hasattr(" + o1 + ", 'p') else 'no p', getattr(" + o1 + ", 'zz', None))",
                "print(" + o1 + " + o2" + c + ")",
                "print(len(" + o1 + "), bool(" + o1 + "))",
                "print(type(" + o1 + ").__name__, isinstance(" + o1 + ", " + c + "), " + c + ".m(" + o1 + ", 2))",
                hashable ? "print(len({" + o1 + ", o2" + c + ", " + c + "(" + x.between(0, 3) + ")}), " + o1 + " in {o2" + c + "})"
                         : "print(" + o1 + ".a, " + o1 + ".b)",
                o1 + ".a = " + x.expr(Ty.INT, 1) + "\nprint(" + o1 + ")");
        int n = x.between(1, 3);
        for (int i = 0; i < n; i++) {
            sb.append(x.pick(uses)).append(i < n - 1 ? "\n" : "");
        }
        return sb.toString();
    }

    private String unpacking(int nest) {
        String a = fresh("v");
        String b = fresh("v");
        switch (x.rnd.nextInt(3)) {
            case 0 -> {
                String e = x.expr(Ty.TUPLE, 2);
                x.vars.put(a, Ty.ANY);
                x.vars.put(b, Ty.ANY);
                return a + ", " + b + " = " + e;
            }
            case 1 -> {
                String e = x.expr(x.chance(50) ? Ty.LIST : Ty.STR, 2);
                x.vars.put(a, Ty.ANY);
                x.vars.put(b, Ty.LIST);
                return a + ", *" + b + " = " + e + "\n" + show(b, Ty.LIST);
            }
            default -> {
                List<String> names = new ArrayList<>(x.vars.keySet());
                String p = x.pick(names);
                String q = x.pick(names);
                Ty tp = x.vars.get(p);
                x.vars.put(p, x.vars.get(q));
                x.vars.put(q, tp);
                return p + ", " + q + " = " + q + ", " + p + (nest == 0 ? "\n" + show(p + ", " + q, Ty.TUPLE) : "");
            }
        }
    }
}
