package org.gilectomy.objects;

/** Python's binary operators, with the symbol used in error messages. */
public enum BinaryOp {
    ADD("+", false), SUB("-", false), MUL("*", false), TRUEDIV("/", false), FLOORDIV("//", false),
    MOD("%", false), POW("**", false), LSHIFT("<<", true), RSHIFT(">>", true), AND("&", true),
    OR("|", true), XOR("^", true),
    /** {@code @}: no built-in type defines it; only classes ({@code __matmul__}). */
    MATMUL("@", false);

    public final String symbol;
    final boolean intOnly;

    BinaryOp(String symbol, boolean intOnly) {
        this.symbol = symbol;
        this.intOnly = intOnly;
    }

    /**
     * Set in a BINARY instruction's argument above the operator's ordinal for the augmented
     * assignment ({@code a += b}): the left operand's in-place method is tried first
     * ({@link Ops#inPlace}).
     */
    public static final int IN_PLACE = 0x80;
    /** The operator's ordinal in an argument that may carry {@link #IN_PLACE}. */
    public static final int ORDINAL_MASK = IN_PLACE - 1;

    private static final BinaryOp[] VALUES = values();

    public static BinaryOp of(int ordinal) {
        return VALUES[ordinal];
    }
}
