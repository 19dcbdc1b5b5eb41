package org.gilectomy.objects;

/**
 * A built-in type outside the core ones (array.array) that answers binary operators itself:
 * the abstract operations ask it after the core types and before a class's special methods.
 */
public interface BinaryOperand {
    /**
     * {@code self op other}, or with {@code reflected} {@code other op self}: a new reference,
     * or null when this type does not answer (the other operand, then TypeError, decide).
     */
    PyObject binary(BinaryOp op, PyObject other, boolean reflected);

    /** {@code self op= other} done in place: true, or false when not (then {@code self op other}). */
    boolean inPlace(BinaryOp op, PyObject other);
}
