package org.gilectomy.runtime.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random Python expressions of a requested static type, over the variables in scope. Every
 * expression is bounded in the memory and time it can take (repetition counts, ranges, shift
 * amounts and exponents are small literals) and deterministic under CPython (sets hold only
 * numbers and tuples of them, whose iteration order does not depend on string hashing; no
 * {@code id()}, no default object reprs).
 *
 * <p>Expressions may raise: the program wraps each snippet so that the exception's type is
 * printed and compared.
 */
final class Exprs {
    private static final String[] INT_LITERALS = {
        "0", "1", "-1", "2", "3", "7", "-5", "10", "255", "256", "1000", "0xff", "1_000", "-128",
        "2**31", "2**63 - 1", "-2**63", "2**64", "10**18", "123456789", "True", "False"};
    private static final String[] FLOAT_LITERALS = {
        "0.0", "-0.0", "0.5", "1.5", "-2.25", "0.1", "0.2", "3.14159", "2.5e-3", "1e10", "1e-7",
        "1e16", "123.456", "-7.0", "1e300", "100.0"};
    private static final String[] INF_NAN_LITERALS = {"float('inf')", "-float('inf')", "float('nan')"};
    private static final String[] STR_LITERALS = {
        "''", "'a'", "'abc'", "'Hello, World'", "'a,b,,c'", "'  pad  '", "'123'", "'3.5'", "'xyzzy'",
        "'\\u00c4\\u00df\\u00c9'", "'stra\\u00dfe'", "'\\t\\n'", "'a\"b'", "\"'q'\"", "'\\ufb01x'",
        "'\\u0130'", "'\\u01c5a'", "'aXbXc'", "' - '", "'abcABC123'", "'\\u00e9t\\u00e9'", "'-42'", "'ff'",
        "'the quick brown fox'", "'A'", "'Title Case'", "'\\x00z'"};
    private static final String[] NON_BMP_LITERALS = {"'\\U0001F600 ok'", "'x\\U00010400y'"};
    private static final String[] NUMERIC_STRINGS = {
        "'42'", "' -7 '", "'1_000'", "'0'", "'+3'", "'12abc'", "''", "'3.5'", "'1e3'", "' 2.5 '", "'-0.0'",
        "'infinity'", "'0x1f'"};
    private static final String[] STR_METHODS0 = {
        "upper", "lower", "strip", "lstrip", "rstrip", "title", "capitalize", "swapcase"};
    private static final String[] STR_PREDICATES = {
        "isdigit", "isalpha", "isupper", "islower", "isspace", "isalnum", "istitle", "isdecimal",
        "isnumeric", "isascii", "isprintable"};
    private static final String[] INT_BINOPS = {"+", "-", "*", "//", "%", "&", "|", "^"};
    private static final String[] FLOAT_BINOPS = {"+", "-", "*", "/", "//", "%"};
    private static final String[] COMPARISONS = {"<", "<=", ">", ">=", "==", "!="};

    final SplittableRandom rnd;
    private final Set<KnownDifference> avoid;
    /** Variables in scope and their types, in the order they were bound. */
    Map<String, Ty> vars = new LinkedHashMap<>();
    /**
     * While set, container-typed expressions may not name a variable: the value is being stored
     * into a container, which must not come to contain itself (see
     * {@link KnownDifference#RECURSIVE_REPR}).
     */
    private boolean fresh;

    Exprs(SplittableRandom rnd, Set<KnownDifference> avoid) {
        this.rnd = rnd;
        this.avoid = avoid;
    }

    boolean avoiding(KnownDifference d) {
        return avoid.contains(d);
    }

    /**
     * Whether a value of type t is printed through fz_show: when float reprs or set orders are
     * avoided and t may hold a float or a set (see {@link FuzzProgram}).
     */
    boolean showThrough(Ty t) {
        return t.mayHoldFloatOrSet() && (avoiding(KnownDifference.FLOAT_REPR) || avoiding(KnownDifference.SET_ORDER));
    }

    /** A set expression as something to iterate: sorted where set order is avoided. */
    String ordered(String setExpr) {
        return avoiding(KnownDifference.SET_ORDER) ? "sorted(" + setExpr + ", key=repr)" : setExpr;
    }

    int between(int lo, int hi) {
        return lo + rnd.nextInt(hi - lo + 1);
    }

    boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    <T> T pick(T[] options) {
        return options[rnd.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(rnd.nextInt(options.size()));
    }

    Ty anyType() {
        return pick(Ty.CONCRETE);
    }

    /** A variable of type {@code t} in scope, or null. */
    String var(Ty t) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Ty> e : vars.entrySet()) {
            if (e.getValue() == t) {
                names.add(e.getKey());
            }
        }
        return names.isEmpty() ? null : pick(names);
    }

    /** A value to be stored into a container: never the container itself, when that is avoided. */
    String stored(Ty t, int depth) {
        boolean saved = fresh;
        fresh = avoiding(KnownDifference.RECURSIVE_REPR);
        try {
            return expr(t, depth);
        } finally {
            fresh = saved;
        }
    }

    /** An expression of static type {@code t}, nested at most {@code depth} deep. */
    String expr(Ty t, int depth) {
        boolean saved = fresh;
        if (!t.container()) {
            fresh = false; // a scalar cannot be, or hold, a container
        }
        try {
            if (depth <= 0 || chance(25)) {
                return leaf(t);
            }
            return switch (t) {
                case INT -> intExpr(depth - 1);
                case FLOAT -> floatExpr(depth - 1);
                case BOOL -> boolExpr(depth - 1);
                case STR -> strExpr(depth - 1);
                case LIST -> listExpr(depth - 1);
                case TUPLE -> tupleExpr(depth - 1);
                case DICT -> dictExpr(depth - 1);
                case SET -> setExpr(depth - 1);
                case NONE -> chance(50) ? "None" : "[].append(" + expr(anyType(), depth - 1) + ")";
                case ANY -> expr(anyType(), depth);
            };
        } finally {
            fresh = saved;
        }
    }

    /** A variable (when one of that type is in scope and may be named here) or a literal. */
    String leaf(Ty t) {
        if (!(fresh && t.container()) && chance(55)) {
            String v = var(t);
            if (v != null) {
                return v;
            }
        }
        return literal(t);
    }

    String literal(Ty t) {
        return switch (t) {
            case INT -> chance(60) ? Integer.toString(between(-5, 12)) : pick(INT_LITERALS);
            case FLOAT -> !avoiding(KnownDifference.NAN_IDENTITY) && chance(8) ? pick(INF_NAN_LITERALS) : pick(FLOAT_LITERALS);
            case BOOL -> chance(50) ? "True" : "False";
            case STR -> !avoiding(KnownDifference.NON_BMP_STRINGS) && chance(10) ? pick(NON_BMP_LITERALS) : pick(STR_LITERALS);
            case LIST -> "[" + elements(between(0, 4), 1) + "]";
            case TUPLE -> tupleDisplay(between(0, 3), 1);
            case DICT -> dictDisplay(between(0, 3), 1);
            case SET -> numberSetDisplay();
            case NONE -> "None";
            case ANY -> literal(anyType());
        };
    }

    private String elements(int n, int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(expr(chance(80) ? scalarType() : anyType(), depth));
        }
        return sb.toString();
    }

    private Ty scalarType() {
        return pick(new Ty[] {Ty.INT, Ty.INT, Ty.FLOAT, Ty.STR, Ty.STR, Ty.BOOL, Ty.NONE});
    }

    private String tupleDisplay(int n, int depth) {
        if (n == 1) {
            return "(" + elements(1, depth) + ",)";
        }
        return "(" + elements(n, depth) + ")";
    }

    private String dictDisplay(int n, int depth) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(key(depth)).append(": ").append(expr(anyType(), depth));
        }
        return sb.append('}').toString();
    }

    /** A hashable value whose hash CPython and the runtime agree on (no strings in sets). */
    String key(int depth) {
        return switch (rnd.nextInt(6)) {
            case 0, 1 -> expr(Ty.INT, depth);
            case 2, 3 -> expr(Ty.STR, depth);
            case 4 -> "(" + expr(Ty.INT, 0) + ", " + expr(Ty.INT, 0) + ")";
            default -> pick(new String[] {"None", "True", "2.5", "0"});
        };
    }

    /** A number that may go into a set: an int, a float or a tuple of ints. */
    private String setElement(int depth) {
        return switch (rnd.nextInt(5)) {
            case 0 -> pick(FLOAT_LITERALS);
            case 1 -> "(" + expr(Ty.INT, 0) + ", " + between(0, 3) + ")";
            default -> expr(Ty.INT, depth);
        };
    }

    private String numberSetDisplay() {
        int n = between(0, 4);
        if (n == 0) {
            return "set()";
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append(setElement(0));
        }
        return sb.append('}').toString();
    }

    /** A small repetition count, shift or exponent: a literal, so sizes stay bounded. */
    String small() {
        return Integer.toString(between(-1, 4));
    }

    /** A slice or index bound: small unless huge indices are being tested. */
    String bound(int depth) {
        if (!avoiding(KnownDifference.HUGE_SLICE_INDICES) && chance(5)) {
            return pick(new String[] {"10**20", "-10**20", "2**63"});
        }
        return chance(70) ? Integer.toString(between(-6, 6)) : "len(" + expr(Ty.STR, depth) + ")";
    }

    String slice(int depth) {
        String a = chance(70) ? bound(depth) : "";
        String b = chance(70) ? bound(depth) : "";
        if (chance(35)) {
            String c = pick(new String[] {"1", "2", "-1", "-2", "3", "0"});
            return "[" + a + ":" + b + ":" + c + "]";
        }
        return "[" + a + ":" + b + "]";
    }

    /** A list of ints (for ranges, sums and sets). */
    String intList(int depth) {
        String v = fresh ? null : var(Ty.LIST);
        return switch (rnd.nextInt(depth <= 0 ? 3 : 7)) {
            case 0 -> "[" + ints(between(0, 5)) + "]";
            case 1 -> "list(range(" + between(-3, 3) + ", " + between(-2, 9) + (chance(30) ? ", " + pick(new String[] {"2", "3", "-1", "-2"}) : "") + "))";
            case 2 -> "[i * " + between(-3, 3) + " for i in range(" + between(0, 6) + ")]";
            case 3 -> "sorted(" + intList(depth - 1) + (chance(30) ? ", reverse=True" : "") + ")";
            case 4 -> intList(depth - 1) + " + " + intList(depth - 1);
            case 5 -> intList(depth - 1) + slice(0);
            default -> v != null ? "[x for x in " + v + " if type(x) is int]" : "list(" + ordered(setExpr(depth - 1) + " - {0}") + ")";
        };
    }

    private String ints(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append(literal(Ty.INT));
        }
        return sb.toString();
    }

    private String strList(int depth) {
        return switch (rnd.nextInt(4)) {
            case 0 -> "[" + expr(Ty.STR, depth) + ", " + expr(Ty.STR, depth) + "]";
            case 1 -> expr(Ty.STR, depth) + ".split(" + (chance(50) ? "" : expr(Ty.STR, 0)) + ")";
            case 2 -> "list(" + expr(Ty.STR, depth) + ")";
            default -> "[str(x) for x in " + intList(depth) + "]";
        };
    }

    /** Any sequence or container: something len() or 'in' accepts. */
    String sized(int depth) {
        return expr(pick(new Ty[] {Ty.STR, Ty.LIST, Ty.TUPLE, Ty.DICT, Ty.SET}), depth);
    }

    // ------------------------------------------------------------------ per type

    private String intExpr(int d) {
        return switch (rnd.nextInt(30)) {
            case 0, 1, 2, 3 -> "(" + expr(Ty.INT, d) + " " + pick(INT_BINOPS) + " " + expr(Ty.INT, d) + ")";
            case 4 -> "(" + expr(Ty.INT, d) + " ** " + between(0, 4) + ")";
            case 5 -> "(" + expr(Ty.INT, d) + (chance(50) ? " << " : " >> ") + between(0, 40) + ")";
            case 6 -> pick(new String[] {"-", "~", "+"}) + expr(Ty.INT, d);
            case 7 -> "abs(" + expr(Ty.INT, d) + ")";
            case 8, 9 -> "len(" + sized(d) + ")";
            case 10 -> pick(new String[] {"int", "round", "math.floor", "math.ceil", "math.trunc"}) + "(" + expr(Ty.FLOAT, d) + ")";
            case 11 -> "int(" + pick(NUMERIC_STRINGS) + (chance(30) ? ", " + pick(new String[] {"0", "2", "8", "16", "36"}) : "") + ")";
            case 12 -> pick(new String[] {"min", "max"}) + "(" + expr(Ty.INT, d) + ", " + expr(Ty.INT, d) + ")";
            case 13 -> "sum(" + intList(d) + ")";
            case 14 -> expr(Ty.STR, d) + "." + pick(new String[] {"count", "find", "rfind", "index"}) + "(" + expr(Ty.STR, d) + ")";
            case 15 -> expr(Ty.LIST, d) + "." + pick(new String[] {"count", "index"}) + "(" + expr(anyType(), d) + ")";
            case 16 -> "ord(" + expr(Ty.STR, d) + "[0])";
            case 17 -> "divmod(" + expr(Ty.INT, d) + ", " + expr(Ty.INT, d) + ")[" + between(0, 1) + "]";
            case 18 -> "pow(" + expr(Ty.INT, d) + ", " + between(0, 5) + ", " + expr(Ty.INT, d) + ")";
            case 19 -> "(" + expr(Ty.INT, d) + " if " + expr(Ty.BOOL, d) + " else " + expr(Ty.INT, d) + ")";
            case 20 -> "(" + expr(Ty.INT, d) + ")." + pick(new String[] {"bit_length()", "bit_count()", "numerator", "real"});
            case 21 -> "hash(" + expr(chance(50) ? Ty.INT : Ty.BOOL, d) + ")";
            case 22 -> "sorted(" + intList(d) + ")[" + bound(0) + "]";
            case 23 -> "(lambda x, y=" + between(0, 3) + ": x * y - " + between(0, 9) + ")(" + expr(Ty.INT, d) + ")";
            case 24 -> "sum(x for x in " + intList(d) + " if x % " + between(1, 3) + ")";
            case 25 -> "len(str(" + expr(Ty.INT, d) + "))";
            case 26 -> expr(Ty.BOOL, d) + " + " + expr(Ty.INT, d);
            case 27 -> pick(new String[] {"min", "max"}) + "(" + intList(d) + ", default=" + between(-2, 2) + ")";
            case 28 -> "int(" + expr(Ty.STR, d) + ".strip() or '0')";
            default -> intList(d) + "[" + bound(0) + "]";
        };
    }

    private String floatExpr(int d) {
        return switch (rnd.nextInt(20)) {
            case 0, 1, 2, 3 -> "(" + expr(Ty.FLOAT, d) + " " + pick(FLOAT_BINOPS) + " " + expr(chance(50) ? Ty.INT : Ty.FLOAT, d) + ")";
            case 4 -> "(" + expr(Ty.INT, d) + " / " + expr(Ty.INT, d) + ")";
            case 5 -> "(" + expr(Ty.FLOAT, d) + " ** " + pick(avoiding(KnownDifference.COMPLEX_RESULT)
                    ? new String[] {"2", "3", "-1", "0"} : new String[] {"2", "3", "-1", "0", "0.5", "(1 / 3)"}) + ")";
            case 6 -> "(abs(" + expr(Ty.FLOAT, d) + ") ** 0.5)";
            case 7 -> "float(" + (chance(50) ? expr(Ty.INT, d) : pick(NUMERIC_STRINGS)) + ")";
            case 8 -> pick(new String[] {"-", "+", "abs"}) + "(" + expr(Ty.FLOAT, d) + ")";
            case 9 -> "round(" + expr(Ty.FLOAT, d) + ", " + between(-2, 4) + ")";
            case 10 -> "math." + pick(new String[] {"sqrt", "exp", "log", "sin", "cos", "atan", "fabs", "log10"}) + "(" + expr(Ty.FLOAT, d) + ")";
            case 11 -> pick(new String[] {"min", "max"}) + "(" + expr(Ty.FLOAT, d) + ", " + expr(Ty.INT, d) + ", " + expr(Ty.FLOAT, d) + ")";
            case 12 -> "sum([" + expr(Ty.FLOAT, d) + ", " + expr(Ty.FLOAT, d) + ", " + expr(Ty.INT, d) + "])";
            case 13 -> "(" + expr(Ty.FLOAT, d) + " if " + expr(Ty.BOOL, d) + " else " + expr(Ty.FLOAT, d) + ")";
            case 14 -> "math.fsum(" + intList(d) + " + [" + expr(Ty.FLOAT, d) + "])";
            case 15 -> "math." + pick(new String[] {"pow", "hypot", "atan2", "copysign", "fmod"}) + "(" + expr(Ty.FLOAT, d) + ", " + expr(Ty.FLOAT, d) + ")";
            case 16 -> "(" + expr(Ty.FLOAT, d) + ")." + pick(new String[] {"real", "conjugate()"});
            case 17 -> "(" + expr(Ty.INT, d) + " * " + expr(Ty.FLOAT, d) + ")";
            case 18 -> "divmod(" + expr(Ty.FLOAT, d) + ", " + expr(Ty.FLOAT, d) + ")[" + between(0, 1) + "]";
            default -> "(" + expr(Ty.FLOAT, d) + " - " + expr(Ty.FLOAT, d) + ")";
        };
    }

    private String boolExpr(int d) {
        return switch (rnd.nextInt(16)) {
            case 0, 1, 2 -> {
                Ty t = pick(new Ty[] {Ty.INT, Ty.FLOAT, Ty.STR, Ty.LIST, Ty.TUPLE, Ty.INT, Ty.STR});
                Ty u = t == Ty.INT && chance(40) ? Ty.FLOAT : t;
                yield "(" + expr(t, d) + " " + pick(COMPARISONS) + " " + expr(u, d) + ")";
            }
            case 3 -> "(" + expr(Ty.INT, d) + " " + pick(COMPARISONS) + " " + expr(Ty.INT, d) + " " + pick(COMPARISONS) + " " + expr(Ty.FLOAT, d) + ")";
            case 4 -> "(" + expr(anyType(), d) + pick(new String[] {" == ", " != "}) + expr(anyType(), d) + ")";
            case 5 -> {
                Ty c = pick(new Ty[] {Ty.STR, Ty.LIST, Ty.TUPLE, Ty.DICT, Ty.SET});
                Ty e = c == Ty.STR ? Ty.STR : (c == Ty.SET ? Ty.INT : anyType());
                yield "(" + expr(e, d) + (chance(70) ? " in " : " not in ") + expr(c, d) + ")";
            }
            case 6 -> "not " + expr(Ty.BOOL, d);
            case 7 -> "(" + expr(Ty.BOOL, d) + (chance(50) ? " and " : " or ") + expr(Ty.BOOL, d) + ")";
            case 8 -> "isinstance(" + expr(anyType(), d) + ", " + pick(new String[] {"int", "float", "str", "list", "tuple", "dict", "set", "bool", "(int, float)", "object"}) + ")";
            case 9 -> "bool(" + expr(anyType(), d) + ")";
            case 10 -> pick(new String[] {"any", "all"}) + "(" + expr(Ty.LIST, d) + ")";
            case 11 -> expr(Ty.STR, d) + "." + pick(new String[] {"startswith", "endswith"}) + "(" + expr(Ty.STR, d) + ")";
            case 12 -> expr(Ty.STR, d) + "." + (!avoiding(KnownDifference.STR_ISIDENTIFIER) && chance(10) ? "isidentifier" : pick(STR_PREDICATES)) + "()";
            case 13 -> "(" + expr(anyType(), d) + (chance(50) ? " is None" : " is not None") + ")";
            case 14 -> expr(Ty.SET, d) + "." + pick(new String[] {"issubset", "issuperset", "isdisjoint"}) + "(" + expr(Ty.SET, d) + ")";
            default -> "(" + expr(Ty.FLOAT, d) + ").is_integer()";
        };
    }

    /** A str built from a value: repr/str of floats only where float reprs are compared. */
    private String textOf(int d) {
        Ty t = anyType();
        if (showThrough(t)) {
            t = pick(new Ty[] {Ty.INT, Ty.STR, Ty.BOOL, Ty.NONE});
        }
        return pick(new String[] {"str", "repr"}) + "(" + expr(t, d) + ")";
    }

    private String strExpr(int d) {
        return switch (rnd.nextInt(24)) {
            case 0, 1 -> "(" + expr(Ty.STR, d) + " + " + expr(Ty.STR, d) + ")";
            case 2 -> "(" + expr(Ty.STR, d) + " * " + small() + ")";
            case 3 -> expr(Ty.STR, d) + "[" + bound(0) + "]";
            case 4, 5 -> expr(Ty.STR, d) + slice(0);
            case 6, 7 -> expr(Ty.STR, d) + "." + (!avoiding(KnownDifference.STR_CASEFOLD) && chance(10) ? "casefold" : pick(STR_METHODS0)) + "()";
            case 8 -> expr(Ty.STR, d) + ".replace(" + expr(Ty.STR, 0) + ", " + expr(Ty.STR, 0) + (chance(30) ? ", " + small() : "") + ")";
            case 9 -> expr(Ty.STR, d) + "." + pick(new String[] {"center", "ljust", "rjust"}) + "(" + between(0, 12) + (chance(40) ? ", '*'" : "") + ")";
            case 10 -> expr(Ty.STR, d) + ".zfill(" + between(0, 8) + ")";
            case 11 -> expr(Ty.STR, 0) + ".join(" + strList(d) + ")";
            case 12 -> textOf(d);
            case 13 -> fString(expr(Ty.INT, d), pick(new String[] {">6", "<4", "^7", "x", "b", "o", "08d", "+d", ",", "_", "#x", "X"}))
                    + " + " + fString(expr(Ty.STR, d), chance(50) ? "!r" : "!s");
            case 14 -> fString(expr(Ty.FLOAT, d), pick(new String[] {".2f", ".3e", ".1%", "10.4f", ".0f", "g", ".3g", "+.1f", ",.2f"}));
            case 15 -> "'%s|%d|%5.2f|%x' % (" + expr(Ty.STR, d) + ", " + expr(Ty.INT, d) + ", " + expr(Ty.FLOAT, d) + ", " + expr(Ty.INT, d) + ")";
            case 16 -> "'{}-{!r}-{:>5}'.format(" + expr(Ty.INT, d) + ", " + expr(Ty.STR, d) + ", " + expr(Ty.STR, d) + ")";
            case 17 -> pick(new String[] {"hex", "bin", "oct"}) + "(" + expr(Ty.INT, d) + ")";
            case 18 -> "chr(" + (avoiding(KnownDifference.NON_BMP_STRINGS) ? between(32, 600) : between(32, 0x1F610)) + ")";
            case 19 -> expr(Ty.STR, d) + ".partition(" + expr(Ty.STR, 0) + ")[" + between(0, 2) + "]";
            case 20 -> "''.join(" + pick(new String[] {"sorted", "reversed"}) + "(" + expr(Ty.STR, d) + "))";
            case 21 -> "(" + expr(Ty.STR, d) + " if " + expr(Ty.BOOL, d) + " else " + expr(Ty.STR, d) + ")";
            case 22 -> "format(" + expr(Ty.INT, d) + ", " + pick(new String[] {"','", "'>8'", "'b'", "'08x'", "''"}) + ")";
            default -> expr(Ty.STR, d) + ".split(" + expr(Ty.STR, 0) + ")[" + bound(0) + "]";
        };
    }

    /**
     * {@code e} formatted by an f-string ({@code spec} is a format spec or a {@code !r}/{@code !s}
     * conversion); through format()/repr()/str() when e has quotes or backslashes, which 3.11
     * does not allow inside an f-string's braces.
     */
    private static String fString(String e, String spec) {
        boolean conversion = spec.startsWith("!");
        if (e.indexOf('\'') < 0 && e.indexOf('"') < 0 && e.indexOf('\\') < 0) {
            return "f'<{" + e + (conversion ? spec : ":" + spec) + "}>'";
        }
        if (conversion) {
            return (spec.equals("!r") ? "repr(" : "str(") + e + ")";
        }
        return "format(" + e + ", '" + spec + "')";
    }

    private String listExpr(int d) {
        return switch (rnd.nextInt(22)) {
            case 0, 1 -> "[" + elements(between(0, 4), d) + "]";
            case 2, 3 -> intList(d);
            case 4 -> "(" + expr(Ty.LIST, d) + " + " + expr(Ty.LIST, d) + ")";
            case 5 -> "(" + expr(Ty.LIST, d) + " * " + small() + ")";
            case 6, 7 -> expr(Ty.LIST, d) + slice(0);
            case 8 -> "sorted(" + expr(chance(50) ? Ty.LIST : Ty.STR, d) + (chance(30) ? ", key=" + pick(new String[] {"str", "abs", "len", "lambda x: -x", "repr"}) : "") + (chance(30) ? ", reverse=True" : "") + ")";
            case 9 -> "list(reversed(" + expr(chance(50) ? Ty.LIST : Ty.STR, d) + "))";
            case 10 -> "[" + pick(new String[] {"x * 2", "x + 1", "-x", "x % 3", "(x, x)", "str(x)"}) + " for x in " + intList(d) + (chance(40) ? " if x " + pick(COMPARISONS) + " " + between(-2, 4) : "") + "]";
            case 11 -> "[[i * j for j in range(" + between(0, 3) + ")] for i in range(" + between(0, 3) + ")]";
            case 12 -> "list(map(" + pick(new String[] {"lambda x: x * 3", "str", "abs", "bool", "lambda x: x // 2"}) + ", " + intList(d) + "))";
            case 13 -> "list(filter(" + pick(new String[] {"None", "lambda x: x > 1", "bool"}) + ", " + expr(Ty.LIST, d) + "))";
            case 14 -> "list(zip(" + expr(Ty.LIST, d) + ", " + expr(chance(50) ? Ty.STR : Ty.LIST, d) + "))";
            case 15 -> "list(enumerate(" + expr(chance(50) ? Ty.STR : Ty.LIST, d) + (chance(30) ? ", " + between(-1, 5) : "") + "))";
            case 16 -> expr(Ty.STR, d) + ".split(" + (chance(50) ? "" : expr(Ty.STR, 0)) + (chance(20) ? ", " + between(-1, 2) : "") + ")";
            case 17 -> "list(" + expr(Ty.DICT, d) + pick(new String[] {"", ".keys()", ".values()", ".items()"}) + ")";
            case 18 -> "list(" + (chance(33) ? ordered(expr(Ty.SET, d)) : expr(chance(50) ? Ty.STR : Ty.TUPLE, d)) + ")";
            case 19 -> "[" + expr(anyType(), d) + "] * " + small();
            case 20 -> "[x for x in " + expr(Ty.LIST, d) + " if isinstance(x, " + pick(new String[] {"int", "str", "float"}) + ")]";
            default -> "[*" + expr(Ty.TUPLE, d) + ", *" + expr(Ty.STR, d) + "]";
        };
    }

    private String tupleExpr(int d) {
        return switch (rnd.nextInt(11)) {
            case 0, 1 -> tupleDisplay(between(0, 4), d);
            case 2 -> "tuple(" + expr(chance(50) ? Ty.LIST : Ty.STR, d) + ")";
            case 3 -> "(" + expr(Ty.TUPLE, d) + " + " + expr(Ty.TUPLE, d) + ")";
            case 4 -> expr(Ty.TUPLE, d) + slice(0);
            case 5 -> "divmod(" + expr(chance(50) ? Ty.INT : Ty.FLOAT, d) + ", " + expr(Ty.INT, d) + ")";
            case 6 -> "tuple(sorted(" + intList(d) + "))";
            case 7 -> expr(Ty.STR, d) + "." + pick(new String[] {"partition", "rpartition"}) + "(" + expr(Ty.STR, 0) + ")";
            case 8 -> "(" + expr(Ty.TUPLE, d) + " * " + small() + ")";
            case 9 -> "tuple(x + 1 for x in " + intList(d) + ")";
            default -> "(" + expr(Ty.INT, d) + ").as_integer_ratio()";
        };
    }

    private String dictExpr(int d) {
        return switch (rnd.nextInt(11)) {
            case 0, 1 -> dictDisplay(between(0, 4), d);
            case 2 -> "dict(zip(" + strList(d) + ", " + expr(Ty.LIST, d) + "))";
            case 3 -> "{x: " + pick(new String[] {"x * x", "str(x)", "x % 2 == 0", "-x"}) + " for x in " + intList(d) + "}";
            case 4 -> "(" + expr(Ty.DICT, d) + " | " + expr(Ty.DICT, d) + ")";
            case 5 -> "dict(" + expr(Ty.DICT, d) + ")";
            case 6 -> "{**" + expr(Ty.DICT, d) + ", " + key(d) + ": " + expr(anyType(), d) + "}";
            case 7 -> "dict.fromkeys(" + strList(d) + (chance(50) ? ", " + expr(Ty.INT, d) : "") + ")";
            case 8 -> "dict(a=" + expr(anyType(), d) + ", b=" + expr(anyType(), d) + ")";
            case 9 -> "{k: v for k, v in " + expr(Ty.DICT, d) + ".items() if " + pick(new String[] {"v", "k", "not v", "str(k) < 'm'"}) + "}";
            default -> "dict([(" + key(d) + ", " + expr(anyType(), d) + "), (" + key(d) + ", 0)])";
        };
    }

    private String setExpr(int d) {
        return switch (rnd.nextInt(10)) {
            case 0, 1 -> numberSetDisplay();
            case 2 -> "set(" + intList(d) + ")";
            case 3, 4 -> "(" + expr(Ty.SET, d) + " " + pick(new String[] {"|", "&", "-", "^"}) + " " + expr(Ty.SET, d) + ")";
            case 5 -> "{x " + pick(new String[] {"% 5", "// 2", "* x", "+ 0"}) + " for x in " + intList(d) + "}";
            case 6 -> "set(range(" + between(0, 9) + "))";
            case 7 -> expr(Ty.SET, d) + "." + pick(new String[] {"union", "intersection", "difference", "symmetric_difference"}) + "(" + intList(d) + ")";
            case 8 -> expr(Ty.SET, d) + ".copy()";
            default -> "set(" + expr(Ty.SET, d) + ")";
        };
    }
}
