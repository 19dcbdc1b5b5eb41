package org.gilectomy.objects;

/** Python's binary operators, with the symbol used in error messages. */
public enum BinaryOp {
    ADD("+", false), SUB("-", false), MUL("*", false), TRUEDIV("/", false), FLOORDIV("//", false),
    MOD("%", false), POW("**", false), LSHIFT("<<", true), RSHIFT(">>", true), AND("&", true),
    OR("|", true), XOR("^", true);

    public final String symbol;
    final boolean intOnly;

    BinaryOp(String symbol, boolean intOnly) {
        this.symbol = symbol;
        this.intOnly = intOnly;
    }

    private static final BinaryOp[] VALUES = values();

    public static BinaryOp of(int ordinal) {
        return VALUES[ordinal];
    }
}
