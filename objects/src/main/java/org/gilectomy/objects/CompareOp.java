package org.gilectomy.objects;

/** Python's comparison operators, with the symbol used in error messages. */
public enum CompareOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IS("is"), IS_NOT("is not"), IN("in"), NOT_IN("not in");

    public final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    private static final CompareOp[] VALUES = values();

    public static CompareOp of(int ordinal) {
        return VALUES[ordinal];
    }
}
